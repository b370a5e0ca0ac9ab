// FileSnapshotStore: the ranking snapshot as one file in the data folder, replaced
// atomically (write a temporary file, fsync, rename) so a crash mid-save keeps the old one.
#pragma once

#include <filesystem>

#include "interfaces/ranking_snapshot_store.h"

namespace dreamfeed {

class FileSnapshotStore final : public RankingSnapshotStore {
 public:
  explicit FileSnapshotStore(std::filesystem::path path) : path_(std::move(path)) {}

  Status save(std::string_view bytes) override;
  Result<std::optional<std::string>> load() override;

 private:
  std::filesystem::path path_;
};

}  // namespace dreamfeed
