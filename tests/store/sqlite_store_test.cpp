// What only the SQLite store has: its schema migrations, its file surviving a restart,
// and query plans that keep the feed and the queue index walks however large they grow.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "adapters/store/sqlite/migrations.h"
#include "adapters/store/sqlite/sqlite_connection.h"
#include "adapters/store/sqlite/sqlite_queries.h"
#include "adapters/store/sqlite/sqlite_store.h"
#include "store/store_contract.h"
#include "support/temp_dir.h"

namespace dreamfeed::testing {
namespace {

std::unique_ptr<SqliteStore> open_store(const std::filesystem::path& file) {
  auto store = SqliteStore::open(file);
  EXPECT_TRUE(store) << store.error().message;
  return store ? std::move(store).value() : nullptr;
}

std::unique_ptr<sqlite::Connection> open_connection(const std::filesystem::path& file) {
  auto connection = sqlite::Connection::open(file);
  EXPECT_TRUE(connection) << connection.error().message;
  return connection ? std::move(connection).value() : nullptr;
}

// Every row of a query, as its columns' text joined by '|'.
std::vector<std::string> rows_of(sqlite::Connection& connection, const std::string& sql) {
  std::vector<std::string> rows;
  auto query = connection.prepare(sql);
  EXPECT_TRUE(query) << sql << ": " << query.error().message;
  if (!query) return rows;
  while (true) {
    auto row = query->step();
    EXPECT_TRUE(row) << row.error().message;
    if (!row || !*row) return rows;
    std::string text;
    for (int column = 0; column < query->column_count(); ++column) {
      if (column > 0) text += '|';
      text += query->text(column);
    }
    rows.push_back(text);
  }
}

TEST(SqliteStoreTest, OpeningAnEmptyFileCreatesEveryTable) {
  TempDir dir;
  ASSERT_NE(open_store(dir / "fresh.db"), nullptr);
  auto connection = open_connection(dir / "fresh.db");
  ASSERT_NE(connection, nullptr);
  for (const char* table : {"users", "sessions", "videos", "jobs"}) {
    EXPECT_EQ(rows_of(*connection, std::string("SELECT COUNT(*) FROM ") + table),
              std::vector<std::string>{"0"})
        << table;
  }
  std::vector<std::string> versions;
  for (const sqlite::Migration& migration : sqlite::schema_migrations()) {
    versions.push_back(std::to_string(migration.version));
  }
  EXPECT_EQ(rows_of(*connection, "SELECT version FROM schema_migrations ORDER BY version"),
            versions);
  EXPECT_EQ(rows_of(*connection, "PRAGMA journal_mode"), std::vector<std::string>{"wal"});
  EXPECT_EQ(rows_of(*connection, "PRAGMA foreign_keys"), std::vector<std::string>{"1"});
}

TEST(SqliteStoreTest, ReopeningKeepsDataAndDoesNotReapplyMigrations) {
  TempDir dir;
  {
    auto store = open_store(dir / "app.db");
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->create_user(user_record("usr_alice", "alice")));
  }
  auto connection = open_connection(dir / "app.db");
  ASSERT_NE(connection, nullptr);
  const auto before = rows_of(*connection, "SELECT * FROM schema_migrations ORDER BY version");
  ASSERT_EQ(before.size(), sqlite::schema_migrations().size());

  auto reopened = open_store(dir / "app.db");
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(rows_of(*connection, "SELECT * FROM schema_migrations ORDER BY version"), before);
  EXPECT_TRUE(reopened->find_user_by_handle("alice"));
}

TEST(SqliteStoreTest, OnlyMigrationsNewerThanTheDatabaseAreApplied) {
  TempDir dir;
  auto connection = open_connection(dir / "old.db");
  ASSERT_NE(connection, nullptr);
  const auto all = sqlite::schema_migrations();
  ASSERT_GE(all.size(), 2u);
  ASSERT_TRUE(sqlite::apply_migrations(*connection, all.first(1), 100));
  EXPECT_EQ(rows_of(*connection, "SELECT version, applied_at FROM schema_migrations"),
            std::vector<std::string>{"1|100"});
  ASSERT_TRUE(connection->execute(
      "INSERT INTO users (id, handle, display_name, password_hash, created_at_ms)"
      " VALUES ('usr_early', 'early', 'Early', 'hash', 1)"));

  ASSERT_TRUE(sqlite::apply_migrations(*connection, all, 200));
  auto applied = rows_of(*connection, "SELECT version, applied_at FROM schema_migrations");
  ASSERT_EQ(applied.size(), all.size());
  EXPECT_EQ(applied[0], "1|100");
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_EQ(applied[i], std::to_string(all[i].version) + "|200");
  }
  connection.reset();

  auto store = open_store(dir / "old.db");
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->find_user("usr_early"));
}

TEST(SqliteStoreTest, DatabaseFromANewerBuildIsRefused) {
  TempDir dir;
  ASSERT_NE(open_store(dir / "future.db"), nullptr);
  {
    auto connection = open_connection(dir / "future.db");
    ASSERT_NE(connection, nullptr);
    ASSERT_TRUE(
        connection->execute("INSERT INTO schema_migrations (version, applied_at) VALUES (999, 1)"));
  }
  auto store = SqliteStore::open(dir / "future.db");
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().message.find("999"), std::string::npos) << store.error().message;
}

TEST(SqliteStoreTest, MissingFolderIsUnavailable) {
  TempDir dir;
  auto store = SqliteStore::open(dir / "no" / "such" / "folder" / "app.db");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::unavailable);
}

TEST(SqliteStoreTest, EverythingSurvivesClosingAndReopening) {
  TempDir dir;
  Job leased;
  {
    auto store = open_store(dir / "app.db");
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->create_user(user_record("usr_alice", "alice")));
    ASSERT_TRUE(store->create_session(Session{"hash", "usr_alice", "csrf", 1, 10'000}));
    ASSERT_TRUE(store->insert_video(draft_video("vid_1", "usr_alice", 5)));
    ASSERT_TRUE(store->publish_video("vid_1", 6));
    NewJob job = new_job("job_1", "usr_alice", 7);
    job.request.seed = ~0ULL;
    ASSERT_TRUE(store->enqueue(job));
    ASSERT_TRUE(store->enqueue(new_job("job_2", "usr_alice", 8)));
    auto lease = store->lease("worker-1", 9, 60'000);
    ASSERT_TRUE(lease && lease->has_value());
    leased = **lease;
  }
  auto store = open_store(dir / "app.db");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->find_user_by_handle("Alice")->user.id, "usr_alice");
  EXPECT_EQ(store->find_session("hash", 100)->csrf_token, "csrf");
  auto feed = store->list_published(std::nullopt, 20);
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->size(), 1u);
  EXPECT_EQ(feed->front().published_at_ms, std::optional<std::int64_t>(6));
  auto job = store->find_job("job_1");
  ASSERT_TRUE(job);
  EXPECT_EQ(job->status, JobStatus::running);
  EXPECT_EQ(job->request.seed, ~0ULL);
  EXPECT_EQ(job->lease_token, leased.lease_token);
  EXPECT_EQ(store->queue_position("job_2").value(), 1);
  EXPECT_TRUE(store->heartbeat(JobLease{"job_1", leased.lease_token}, 50, 100, 60'000))
      << "a worker's lease outlives a server restart";
}

// The plan of `sql`, one line per step, as EXPLAIN QUERY PLAN reports it.
std::string plan_of(sqlite::Connection& connection, const std::string& sql) {
  std::string plan;
  for (const std::string& row : rows_of(connection, "EXPLAIN QUERY PLAN " + sql)) {
    plan += row.substr(row.rfind('|') + 1) + "\n";
  }
  return plan;
}

TEST(SqliteStoreTest, FeedDraftsAndQueueQueriesWalkAnIndexWithoutSorting) {
  TempDir dir;
  ASSERT_NE(open_store(dir / "app.db"), nullptr);
  auto connection = open_connection(dir / "app.db");
  ASSERT_NE(connection, nullptr);
  struct Expectation {
    const char* sql;
    const char* index;
    bool may_sort;
  };
  const Expectation queries[] = {
      {sqlite::kFeedFirstPageSql, "videos_feed", false},
      {sqlite::kFeedNextPageSql, "videos_feed", false},
      {sqlite::kFeedFirstPositionsSql, "videos_feed", false},
      {sqlite::kFeedNextPositionsSql, "videos_feed", false},
      {sqlite::kDraftsSql, "videos_drafts", false},
      {sqlite::kNextQueuedJobSql, "jobs_runnable", false},
      // Sorts only running jobs whose lease expired: at most one per worker.
      {sqlite::kNextExpiredJobSql, "jobs_leased", true},
  };
  for (const auto& [sql, index, may_sort] : queries) {
    const std::string plan = plan_of(*connection, sql);
    EXPECT_NE(plan.find(index), std::string::npos) << sql << "\n" << plan;
    if (!may_sort) {
      EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << sql << "\n" << plan;
    }
    EXPECT_EQ(plan.find("SCAN u"), std::string::npos) << sql << "\n" << plan;
  }
  // The cursor bounds the index search itself, so page 500 costs what page 1 costs.
  const std::string next_page = plan_of(*connection, sqlite::kFeedNextPageSql);
  EXPECT_NE(next_page.find("SEARCH v USING INDEX videos_feed ((published_at_ms,id)<"),
            std::string::npos)
      << next_page;
}

// A cursor deep in 10,000 published videos (three per published_at_ms, so it lands in
// a tie) yields the next `limit` videos right after it.
TEST(SqliteStoreTest, DeepFeedPageStartsRightAfterItsCursor) {
  TempDir dir;
  auto store = open_store(dir / "app.db");
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->create_user(user_record("usr_alice", "alice")));
  auto connection = open_connection(dir / "app.db");
  ASSERT_NE(connection, nullptr);
  ASSERT_TRUE(connection->execute(
      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)"
      " INSERT INTO videos (id, creator_id, status, prompt, seconds, width, height, seed,"
      " backend, video_key, thumbnail_key, size_bytes, created_at_ms, published_at_ms)"
      " SELECT printf('vid_%05d', i), 'usr_alice', 'published', 'p', 4, 720, 1280, i,"
      " 'sketch', 'k', 't', 1, i, i / 3 FROM n"));

  auto deep = connection->prepare(sqlite::kFeedNextPageSql);
  ASSERT_TRUE(deep);
  deep->bind_all(std::int64_t{1'000}, "vid_03001", 20);
  int rows = 0;
  while (deep->step().value()) ++rows;
  EXPECT_EQ(rows, 20);
  auto page = store->list_published(FeedPosition{1'000, "vid_03001"}, 20);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 20u);
  EXPECT_EQ(page->front().id, "vid_03000");
  EXPECT_EQ(page->back().id, "vid_02981");
}

}  // namespace
}  // namespace dreamfeed::testing
