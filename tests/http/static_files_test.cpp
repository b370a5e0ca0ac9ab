// StaticFiles::resolve: directory index, SPA fallback, and containment under web_root.
#include "http/static_files.h"

#include <fstream>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace dreamfeed::http {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    root = dir.path() / "web";
    write_file(root / "index.html", "<app>");
    write_file(root / "assets" / "app.js", "js");
    write_file(root / "docs" / "index.html", "docs");
    write_file(dir.path() / "secret.txt", "secret");
    fs::create_symlink(dir.path() / "secret.txt", root / "leak.txt");
    fs::create_directory_symlink(dir.path(), root / "up");
  }
  dreamfeed::testing::TempDir dir;
  fs::path root;
};

TEST_F(StaticFilesTest, ServesFilesAndDirectoryIndex) {
  StaticFiles files(root);
  auto js = files.resolve("/assets/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->path, fs::canonical(root / "assets" / "app.js"));
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js->cache_control, "public, max-age=31536000, immutable");

  auto docs = files.resolve("/docs/");
  ASSERT_TRUE(docs);
  EXPECT_EQ(docs->path.filename(), "index.html");
  EXPECT_EQ(docs->path.parent_path().filename(), "docs");

  auto home = files.resolve("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->path, fs::canonical(root / "index.html"));
  EXPECT_EQ(home->cache_control, "no-cache");
}

TEST_F(StaticFilesTest, SinglePageAppFallback) {
  StaticFiles files(root);
  auto route = files.resolve("/videos/123");
  ASSERT_TRUE(route);
  EXPECT_EQ(route->path, fs::canonical(root / "index.html"));
  EXPECT_FALSE(files.resolve("/missing.js"));
}

TEST_F(StaticFilesTest, NeverLeavesTheRoot) {
  StaticFiles files(root);
  EXPECT_FALSE(files.resolve("/leak.txt"));
  EXPECT_FALSE(files.resolve("/up/secret.txt"));
  EXPECT_FALSE(files.resolve("/../secret.txt"));
  EXPECT_FALSE(files.resolve("//../secret.txt"));
  EXPECT_FALSE(files.resolve("/assets/../../secret.txt"));
  auto absolute = files.resolve((dir.path() / "secret.txt").string());
  EXPECT_TRUE(!absolute || absolute->path != fs::canonical(dir.path() / "secret.txt"));
}

TEST_F(StaticFilesTest, RootMustExist) {
  EXPECT_THROW(StaticFiles(dir.path() / "nope"), std::invalid_argument);
}

TEST(ContentType, KnownAndUnknown) {
  EXPECT_EQ(content_type_for("a/b.MP4"), "video/mp4");
  EXPECT_EQ(content_type_for("x.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("x.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace dreamfeed::http
