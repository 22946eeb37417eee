#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "eventgraph/export.h"

namespace eventgraph {

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  std::string temporary = path + ".tmp." + std::to_string(::getpid());
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) {
    return Status(StatusCode::kIoError, std::string("cannot create file: ") + std::strerror(errno),
                  temporary);
  }
  bool ok = std::fwrite(content.data(), 1, content.size(), file) == content.size();
  ok = std::fflush(file) == 0 && ok;
  ok = ::fsync(::fileno(file)) == 0 && ok;
  int saved_errno = errno;
  ok = std::fclose(file) == 0 && ok;
  if (!ok) {
    std::remove(temporary.c_str());
    return Status(StatusCode::kIoError, std::string("write failed: ") + std::strerror(saved_errno),
                  path);
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::remove(temporary.c_str());
    return Status(StatusCode::kIoError, "cannot rename into place: " + error.message(), path);
  }
  return Status();
}

}  // namespace eventgraph
