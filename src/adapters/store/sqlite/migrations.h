// The database schema as an ordered list of migrations. A database records the versions
// applied to it in schema_migrations; opening applies only the ones it lacks, each in
// its own transaction, so an existing file is upgraded in place and never rebuilt.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "adapters/store/sqlite/sqlite_connection.h"
#include "common/result.h"

namespace dreamfeed::sqlite {

struct Migration {
  int version;  // strictly increasing; never renumber or edit one that has shipped
  std::string_view name;
  std::string_view sql;
};

// Dreamfeed's migrations, oldest first. Append new ones at the end.
std::span<const Migration> schema_migrations();

// Applies to `connection` those of `migrations` newer than the database's latest
// version. Fails (internal) when the database is newer than every known migration, so an
// older binary does not write to a schema it does not understand.
Status apply_migrations(Connection& connection, std::span<const Migration> migrations,
                        std::int64_t now_ms);

}  // namespace dreamfeed::sqlite
