// error_reply: the JSON error body and the ErrorCode → status mapping.
#include "http/error_reply.h"

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

namespace dreamfeed::http {
namespace {

TEST(ErrorReply, StatusForEveryCode) {
  EXPECT_EQ(status_for(ErrorCode::invalid_argument), Status::bad_request);
  EXPECT_EQ(status_for(ErrorCode::unauthenticated), Status::unauthorized);
  EXPECT_EQ(status_for(ErrorCode::forbidden), Status::forbidden);
  EXPECT_EQ(status_for(ErrorCode::not_found), Status::not_found);
  EXPECT_EQ(status_for(ErrorCode::conflict), Status::conflict);
  EXPECT_EQ(status_for(ErrorCode::payload_too_large), Status::payload_too_large);
  EXPECT_EQ(status_for(ErrorCode::cancelled), Status::conflict);
  EXPECT_EQ(status_for(ErrorCode::lease_lost), Status::conflict);
  EXPECT_EQ(status_for(ErrorCode::unavailable), Status::service_unavailable);
  EXPECT_EQ(status_for(ErrorCode::internal), Status::internal_server_error);
}

TEST(ErrorReply, BodyShapeWithField) {
  auto reply = error_reply(make_error(ErrorCode::invalid_argument, "too long", "prompt"));
  EXPECT_EQ(reply.status, Status::bad_request);
  EXPECT_EQ(reply.content_type, "application/json");
  auto json = boost::json::parse(reply.body);
  const auto& error = json.at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), "invalid_argument");
  EXPECT_EQ(error.at("message").as_string(), "too long");
  EXPECT_EQ(error.at("field").as_string(), "prompt");
  EXPECT_EQ(json.as_object().size(), 1u);
}

TEST(ErrorReply, FieldOmittedWhenEmpty) {
  auto reply = error_reply(make_error(ErrorCode::not_found, "no such \"video\""));
  EXPECT_EQ(reply.status, Status::not_found);
  auto json = boost::json::parse(reply.body);
  const auto& error = json.at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), "not_found");
  EXPECT_EQ(error.at("message").as_string(), "no such \"video\"");
  EXPECT_FALSE(error.contains("field"));
}

TEST(ErrorReply, ExplicitStatusAndCode) {
  auto reply = error_reply(Status::service_unavailable, "unavailable", "try later");
  EXPECT_EQ(reply.status, Status::service_unavailable);
  EXPECT_EQ(boost::json::parse(reply.body).at("error").at("code").as_string(), "unavailable");
}

}  // namespace
}  // namespace dreamfeed::http
