#include <fcntl.h>
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
    written_ += used_;
    StartWriteBack();
  }
  used_ = 0;
}

// The file is fsynced before it is renamed into place. Asking the disk to write each few
// megabytes as they come, and waiting for the window before the last, overlaps that work with
// the writing, so the final fsync has little left to wait for and dirty pages stay few.
void OutputSink::StartWriteBack() {
#ifdef __linux__
  constexpr std::size_t kWindow = std::size_t{8} << 20;
  if (failed_ || written_ - writing_from_ < kWindow) return;
  if (std::fflush(file_) != 0) {
    failed_ = true;
    return;
  }
  int fd = ::fileno(file_);
  // Only hints: a file system that cannot do it still gets the fsync at the end.
  ::sync_file_range(fd, static_cast<off64_t>(writing_from_),
                    static_cast<off64_t>(written_ - writing_from_), SYNC_FILE_RANGE_WRITE);
  if (writing_from_ > waited_to_ + kWindow) {
    std::size_t wait_to = writing_from_ - kWindow;
    ::sync_file_range(
        fd, static_cast<off64_t>(waited_to_), static_cast<off64_t>(wait_to - waited_to_),
        SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    waited_to_ = wait_to;
  }
  writing_from_ = written_;
#endif
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
