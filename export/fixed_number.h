// A number with a fixed count of decimals, as printf's "%.Nf" writes it, without printf.
//
// GraphML and GEXF write a weight, a size or a confidence for each of millions of nodes and edges;
// printf's exact decimal conversion was most of what those attributes cost. The values are
// nearly always a whole number of hundredths: those are written from the integer, and anything
// else (a tie such as 0.125, a negative or huge value, -0, NaN) still goes through snprintf, so the
// text is always printf's.
#pragma once

#include <cmath>
#include <cstdio>
#include <string_view>

namespace eventgraph::export_detail {

class FixedNumber {
 public:
  // decimals: 1 or 2.
  FixedNumber(double value, int decimals) {
    const double scale = decimals == 1 ? 10.0 : 100.0;
    const double scaled = value * scale;
    const double whole = std::nearbyint(scaled);
    // Within a millionth of a whole number of hundredths (or tenths), the exact decimal value of
    // `value` rounds to that number whatever printf's rounding rule: no tie is that close.
    if (!std::signbit(value) && scaled < 1e15 && std::fabs(scaled - whole) < 1e-6) {
      auto units = static_cast<unsigned long long>(whole);
      char* end = buffer_ + sizeof buffer_;
      char* at = end;
      for (int d = 0; d < decimals; ++d) {
        *--at = static_cast<char>('0' + units % 10);
        units /= 10;
      }
      *--at = '.';
      do {
        *--at = static_cast<char>('0' + units % 10);
        units /= 10;
      } while (units > 0);
      text_ = std::string_view(at, static_cast<std::size_t>(end - at));
    } else {
      const int length =
          std::snprintf(buffer_, sizeof buffer_, decimals == 1 ? "%.1f" : "%.2f", value);
      text_ = std::string_view(buffer_, length > 0 ? static_cast<std::size_t>(length) : 0);
    }
  }
  FixedNumber(const FixedNumber&) = delete;
  FixedNumber& operator=(const FixedNumber&) = delete;

  std::string_view text() const { return text_; }

 private:
  char buffer_[328];  // room for "%.2f" of the largest double
  std::string_view text_;
};

}  // namespace eventgraph::export_detail
