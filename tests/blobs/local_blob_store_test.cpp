// LocalBlobStore: files round-trip, and no key can reach outside the media folder.
#include "adapters/blobs/local/local_blob_store.h"

#include <gtest/gtest.h>

#include <fstream>

#include "support/temp_dir.h"

namespace dreamfeed {
namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

TEST(LocalBlobStore, StoresAndLocatesAFile) {
  testing::TempDir dir;
  write_file(dir / "source.mp4", "movie bytes");
  LocalBlobStore blobs(dir / "media");
  ASSERT_TRUE(blobs.put_file("videos/vid_1.mp4", dir / "source.mp4", "video/mp4").ok());
  auto located = blobs.locate("videos/vid_1.mp4");
  ASSERT_TRUE(located.ok());
  ASSERT_TRUE(located->local_file.has_value());
  std::ifstream in(*located->local_file);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "movie bytes");
  EXPECT_TRUE(std::filesystem::exists(dir / "source.mp4")) << "the source is left in place";
}

TEST(LocalBlobStore, RemoveMakesItUnfindableAndAbsentIsFine) {
  testing::TempDir dir;
  write_file(dir / "a", "x");
  LocalBlobStore blobs(dir / "media");
  ASSERT_TRUE(blobs.put_file("thumbs/a.jpg", dir / "a", "image/jpeg").ok());
  ASSERT_TRUE(blobs.remove("thumbs/a.jpg").ok());
  EXPECT_EQ(blobs.locate("thumbs/a.jpg").error().code, ErrorCode::not_found);
  EXPECT_TRUE(blobs.remove("thumbs/a.jpg").ok());
}

TEST(LocalBlobStore, KeysThatEscapeTheFolderAreNotFound) {
  testing::TempDir dir;
  write_file(dir / "secret.txt", "do not serve");
  LocalBlobStore blobs(dir / "media");
  const std::vector<std::string> keys = {"../secret.txt",
                                         "videos/../../secret.txt",
                                         "/etc/passwd",
                                         "..",
                                         ".",
                                         "videos//x.mp4",
                                         "videos/x.mp4/",
                                         "",
                                         "a\\..\\secret.txt",
                                         std::string("vid\0x", 5),
                                         "%2e%2e/secret.txt"};
  for (const std::string& key : keys) {
    auto located = blobs.locate(key);
    ASSERT_FALSE(located.ok()) << key;
    EXPECT_EQ(located.error().code, ErrorCode::not_found) << key;
  }
  EXPECT_EQ(blobs.put_file("../escape.mp4", dir / "secret.txt", "video/mp4").error().code,
            ErrorCode::invalid_argument);
  EXPECT_FALSE(std::filesystem::exists(dir / "escape.mp4"));
}

TEST(LocalBlobStore, SymlinkInsideTheFolderPointingOutIsNotFollowed) {
  testing::TempDir dir;
  write_file(dir / "secret.txt", "do not serve");
  LocalBlobStore blobs(dir / "media");
  std::filesystem::create_directories(dir / "media" / "videos");
  std::filesystem::create_symlink(dir / "secret.txt", dir / "media" / "videos" / "link.mp4");
  EXPECT_EQ(blobs.locate("videos/link.mp4").error().code, ErrorCode::not_found);
}

TEST(LocalBlobStore, KeyValidation) {
  EXPECT_TRUE(is_valid_blob_key("videos/vid_abc-1.mp4"));
  EXPECT_FALSE(is_valid_blob_key("a/b/c/d/e"));
  EXPECT_FALSE(is_valid_blob_key("videos/a b.mp4"));
}

}  // namespace
}  // namespace dreamfeed
