// Small text helpers shared by every stage: UTF-8 validation and repair,
// ASCII case folding, trimming and splitting.
//
//   std::string clean = RepairUtf8(raw, &replaced);   // U+FFFD for bad bytes
//   for (std::string_view field : Split(line, '\t')) ...
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

// Returns `text` with every invalid UTF-8 sequence replaced by U+FFFD and NUL
// bytes removed; `replaced` (if not null) receives how many were replaced.
std::string RepairUtf8(std::string_view text, std::size_t* replaced = nullptr);

// Number of Unicode code points in valid UTF-8 `text`.
std::size_t CountCodePoints(std::string_view text);

// Lower-cases the ASCII letters; other bytes (UTF-8 included) are unchanged.
std::string AsciiLower(std::string_view text);

// Unicode-aware lower-casing (utf8proc case folding of each code point).
std::string Utf8Lower(std::string_view text);

std::string_view Trim(std::string_view text);
std::vector<std::string_view> Split(std::string_view text, char separator);
bool StartsWith(std::string_view text, std::string_view prefix);

// The integer `text` starts with ("2017" of "2017-04-12", "-44" of "-44-03-15"), as std::stoi reads
// it, without a copy of the string or strtol's locale: dates are read this way millions of times.
// Throws std::invalid_argument when `text` starts with no number, std::out_of_range when it does
// not fit an int.
int LeadingInt(std::string_view text);

// The integer that is the whole of `text` (digits, an optional '-'): false for anything else, or
// for a number that does not fit an int.
bool ParseInt(std::string_view text, int* value);

// "Khan Sheikhoun" -> "khan-sheikhoun": a lowercase ASCII identifier.
std::string Slugify(std::string_view text);

}  // namespace eventgraph
