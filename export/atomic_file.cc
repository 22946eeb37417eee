#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "eventgraph/export.h"

namespace eventgraph {

void OutputSink::Flush() {
  if (used_ == 0) return;
  if (text_ != nullptr) {
    text_->append(buffer_.data(), used_);
  } else if (file_ != nullptr && !failed_) {
    failed_ = std::fwrite(buffer_.data(), 1, used_, file_) != used_;
  }
  used_ = 0;
}

Status WriteFileAtomically(const std::string& path, const std::string& content) {
  return WriteFileAtomically(path, [&](OutputSink& out) { out += content; });
}

Status WriteFileAtomically(const std::string& path,
                           const std::function<void(OutputSink& out)>& write) {
  std::string temporary = path + ".tmp." + std::to_string(::getpid());
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) {
    return Status(StatusCode::kIoError, std::string("cannot create file: ") + std::strerror(errno),
                  temporary);
  }
  bool ok = true;
  {
    OutputSink sink(file);
    write(sink);
    sink.Flush();
    ok = !sink.failed();
  }
  int saved_errno = errno;
  ok = std::fflush(file) == 0 && ok;
  ok = ::fsync(::fileno(file)) == 0 && ok;
  if (!ok) saved_errno = errno;
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
