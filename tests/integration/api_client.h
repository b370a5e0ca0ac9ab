// A logged-in API user for integration tests: signs up, then sends requests with its
// bearer token; waits for jobs to finish.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "support/http_client.h"

namespace dreamfeed::testing {

class ApiUser {
 public:
  ApiUser(std::uint16_t port, std::string handle, std::string password = "long enough password")
      : http_(std::make_unique<HttpClient>("127.0.0.1", port)), port_(port) {
    auto body =
        boost::json::serialize(boost::json::object{{"handle", handle}, {"password", password}});
    auto response = http_->post("/api/v1/auth/signup", body);
    if (response.status != 201) throw std::runtime_error("sign-up failed: " + response.body);
    auto json = response.json().as_object();
    token_ = json["token"].as_string().c_str();
    user_id_ = json["user"].as_object()["id"].as_string().c_str();
  }

  ClientResponse get(const std::string& target) { return http_->get(target, auth()); }
  ClientResponse post(const std::string& target, const std::string& body = "{}") {
    return http_->post(target, body, auth());
  }
  ClientResponse del(const std::string& target) { return http_->del(target, auth()); }
  ClientResponse put(const std::string& target, const std::string& body = "",
                     const std::string& content_type = "application/json") {
    auto headers = auth();
    headers.push_back({"Content-Type", content_type});
    return http_->request(boost::beast::http::verb::put, target, body, headers);
  }
  ClientResponse patch(const std::string& target, const std::string& body) {
    return http_->request(boost::beast::http::verb::patch, target, body, auth());
  }
  std::vector<std::pair<std::string, std::string>> auth() const {
    return {{"Authorization", "Bearer " + token_}};
  }

  // Orders a clip and returns the job id (fails the test on anything but 202).
  std::string order(const boost::json::object& order) {
    auto response = post("/api/v1/videos", boost::json::serialize(order));
    if (response.status != 202) throw std::runtime_error("order failed: " + response.body);
    return response.json().as_object()["job"].as_object()["id"].as_string().c_str();
  }

  // Polls the job until it reaches `status` or the time runs out; returns the job.
  boost::json::object wait_for_job(const std::string& job_id, std::string_view status,
                                   std::chrono::seconds limit = std::chrono::seconds(120)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    boost::json::object job;
    while (std::chrono::steady_clock::now() < deadline) {
      job = get("/api/v1/jobs/" + job_id).json().as_object();
      if (job["status"].as_string() == status) return job;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    throw std::runtime_error("job " + job_id + " did not reach " + std::string(status) +
                             "; last seen: " + boost::json::serialize(job));
  }

  // Orders a clip, waits for it and publishes it; returns the video id.
  std::string publish_new(boost::json::object order) {
    auto job = wait_for_job(this->order(order), "succeeded");
    std::string video_id = job["video_id"].as_string().c_str();
    auto published = post("/api/v1/videos/" + video_id + "/publish");
    if (published.status != 200) throw std::runtime_error("publish failed: " + published.body);
    return video_id;
  }

  HttpClient& http() { return *http_; }
  std::uint16_t port() const { return port_; }
  const std::string& token() const { return token_; }
  const std::string& user_id() const { return user_id_; }

 private:
  std::unique_ptr<HttpClient> http_;
  std::uint16_t port_;
  std::string token_;
  std::string user_id_;
};

inline boost::json::object object_of(const ClientResponse& response) {
  return response.json().as_object();
}

// An API error reply: its status, error code and (when given) the field it names, with a
// message for people.
inline void expect_api_error(const ClientResponse& response, int status, std::string_view code,
                             std::string_view field = "") {
  EXPECT_EQ(response.status, status) << response.body;
  auto error = object_of(response)["error"].as_object();
  EXPECT_EQ(error["code"].as_string(), code) << response.body;
  if (!field.empty()) {
    EXPECT_EQ(error["field"].as_string(), field) << response.body;
  }
  EXPECT_FALSE(error["message"].as_string().empty());
}

}  // namespace dreamfeed::testing
