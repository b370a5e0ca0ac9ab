// dreamfeed admin create-user|make-admin: operator actions on the database directly.
#include <fmt/core.h>

#include <iostream>

#include "adapters/store/sqlite/sqlite_store.h"
#include "cli/commands.h"
#include "services/accounts/accounts_service.h"

namespace dreamfeed::cli {
namespace {

struct AdminOptions {
  std::string data_dir = "data";
  std::string handle;
  std::string password;
  bool make_admin = false;
};

std::unique_ptr<SqliteStore> open_store(const std::string& data_dir) {
  std::filesystem::create_directories(data_dir);
  auto store = SqliteStore::open(std::filesystem::path(data_dir) / "dreamfeed.db");
  if (!store) throw std::runtime_error("cannot open the database: " + store.error().message);
  return std::move(*store);
}

int report(const Result<User>& user, std::string_view done) {
  if (!user) {
    fmt::print(stderr, "error: {}\n", user.error().message);
    return 1;
  }
  fmt::print("{} @{} ({})\n", done, user->handle, user->id);
  return 0;
}

}  // namespace

Command add_admin_command(CLI::App& app) {
  auto options = std::make_shared<AdminOptions>();
  CLI::App* admin = app.add_subcommand("admin", "Operator actions on accounts");
  admin->require_subcommand(1);
  admin->add_option("--data", options->data_dir, "Data folder (database and media)")
      ->envname("DREAMFEED_DATA");

  CLI::App* create = admin->add_subcommand("create-user", "Create an account");
  create->add_option("handle", options->handle, "The new handle")->required();
  create
      ->add_option("--password", options->password,
                   "The password (or DREAMFEED_PASSWORD; read from standard input when neither)")
      ->envname("DREAMFEED_PASSWORD");
  create->add_flag("--admin", options->make_admin, "Make the account an administrator");

  CLI::App* promote =
      admin->add_subcommand("make-admin", "Make an existing account an administrator");
  promote->add_option("handle", options->handle, "The handle")->required();

  return {admin, [options, create, promote]() -> int {
            auto store = open_store(options->data_dir);
            SystemClock clock;
            AccountsService accounts(*store, *store, clock);
            if (create->parsed()) {
              if (options->password.empty()) std::getline(std::cin, options->password);
              auto user = accounts.create_user(options->handle, options->password);
              if (user && options->make_admin) user = accounts.make_admin(options->handle);
              return report(user, "created");
            }
            if (promote->parsed())
              return report(accounts.make_admin(options->handle), "made admin");
            return 2;
          }};
}

}  // namespace dreamfeed::cli
