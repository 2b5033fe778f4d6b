#include "answers/xlsx_reader.h"

#include <Poco/Exception.h>
#include <Poco/SAX/Attributes.h>
#include <Poco/SAX/DefaultHandler.h>
#include <Poco/SAX/SAXParser.h>
#include <Poco/Zip/SkipCallback.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <locale>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

#include "base/input_limits.h"
#include "base/text.h"

namespace fa {

namespace {

// A problem that ends reading, reported against the whole file (or, with a
// sheet, against that sheet).
struct XlsxError : std::runtime_error {
  explicit XlsxError(const std::string& message, int sheet = 0) : std::runtime_error(message), sheet(sheet) {}
  int sheet;
};

// The largest row and column a sheet may have (ECMA-376 as Excel reads it).
constexpr int kLastRow = 1'048'576;
constexpr int kLastColumn = 16'384;

std::string Limit(size_t value) { return std::to_string(value) + " (docs/limits.md)"; }

// Counts the archive's entries while Poco parses it, so that an archive of
// millions of entries stops at the limit instead of being listed whole.
class EntryCounter : public Poco::Zip::SkipCallback {
 public:
  bool handleZipEntry(std::istream& in, const Poco::Zip::ZipLocalFileHeader& header) override {
    if (++count_ > kMaxWorkbookEntries)
      throw XlsxError("the archive has more than " + std::to_string(kMaxWorkbookEntries) +
                      " entries; the limit is " + Limit(kMaxWorkbookEntries));
    return SkipCallback::handleZipEntry(in, header);
  }

 private:
  size_t count_ = 0;
};

// The ZIP archive, its parts unpacked on demand within one budget of
// unpacked bytes: a part's declared size may lie, so the budget is counted
// on what inflating gives.
class Archive {
 public:
  explicit Archive(const std::string& bytes) : in_(bytes) {
    EntryCounter counter;
    try {
      archive_ = std::make_unique<Poco::Zip::ZipArchive>(in_, counter);
    } catch (const XlsxError&) {
      throw;
    } catch (const std::exception&) {
      throw XlsxError("not an XLSX workbook (not a ZIP archive, or a damaged one)");
    }
    unsigned long long declared = 0;
    for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it)
      declared += std::min<unsigned long long>(it->second.getUncompressedSize(), kMaxWorkbookUnpackedBytes + 1);
    if (declared > kMaxWorkbookUnpackedBytes)
      throw XlsxError("the archive unpacks to more than " + std::to_string(kMaxWorkbookUnpackedBytes >> 20) +
                      " MB; the limit is " + std::to_string(kMaxWorkbookUnpackedBytes >> 20) + " MB (docs/limits.md)");
  }

  /// The part `name`, unpacked; nullopt when the archive has none.
  std::optional<std::string> Read(const std::string& name) {
    auto it = archive_->findHeader(name);
    if (it == archive_->headerEnd()) return std::nullopt;
    if (it->second.isEncrypted()) throw XlsxError("part " + name + " is encrypted (a password-protected workbook?)");
    std::string out;
    try {
      in_.clear();
      Poco::Zip::ZipInputStream part(in_, it->second, true);
      char buffer[1 << 16];
      while (part) {
        part.read(buffer, sizeof buffer);
        const std::streamsize n = part.gcount();
        if (n <= 0) break;
        unpacked_ += static_cast<size_t>(n);
        if (unpacked_ > kMaxWorkbookUnpackedBytes)
          throw XlsxError("the archive unpacks to more than " + std::to_string(kMaxWorkbookUnpackedBytes >> 20) +
                          " MB; the limit is " + std::to_string(kMaxWorkbookUnpackedBytes >> 20) +
                          " MB (docs/limits.md)");
        out.append(buffer, static_cast<size_t>(n));
      }
    } catch (const XlsxError&) {
      throw;
    } catch (const std::exception&) {
      throw XlsxError("part " + name + " of the archive is damaged");
    }
    return out;
  }

 private:
  std::istringstream in_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  size_t unpacked_ = 0;
};

// Parses one XML part with `handler`. A DTD is refused before parsing: no
// part of a workbook has one, and without it there is no entity to expand
// (the "billion laughs") and no external one to fetch.
void ParseXml(const std::string& part, const std::string& xml, Poco::XML::ContentHandler& handler, int sheet = 0) {
  if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos)
    throw XlsxError("part " + part + " declares a DTD (<!DOCTYPE or <!ENTITY); a workbook's XML has none, so it is not read",
                    sheet);
  Poco::XML::SAXParser parser;
  parser.setFeature(Poco::XML::XMLReader::FEATURE_NAMESPACES, true);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_GENERAL_ENTITIES, false);
  parser.setFeature(Poco::XML::XMLReader::FEATURE_EXTERNAL_PARAMETER_ENTITIES, false);
  parser.setContentHandler(&handler);
  try {
    parser.parseMemoryNP(xml.data(), xml.size());
  } catch (const XlsxError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw XlsxError("part " + part + " is not well-formed XML: " + e.displayText(), sheet);
  }
}

std::string Attribute(const Poco::XML::Attributes& attrs, const std::string& local) {
  for (int i = 0; i < attrs.getLength(); ++i)
    if (attrs.getLocalName(i) == local) return attrs.getValue(i);
  return "";
}

// xl/_rels/workbook.xml.rels: relationship id -> part name.
class RelsHandler : public Poco::XML::DefaultHandler {
 public:
  explicit RelsHandler(std::string base) : base_(std::move(base)) {}
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local, const Poco::XML::XMLString&,
                    const Poco::XML::Attributes& attrs) override {
    if (local != "Relationship") return;
    std::string target = Attribute(attrs, "Target");
    target = !target.empty() && target[0] == '/' ? target.substr(1) : base_ + target;
    targets[Attribute(attrs, "Id")] = target;
    types[Attribute(attrs, "Id")] = Attribute(attrs, "Type");
  }
  std::map<std::string, std::string> targets, types;

 private:
  std::string base_;
};

// xl/workbook.xml: the sheets in order.
class WorkbookHandler : public Poco::XML::DefaultHandler {
 public:
  struct Entry {
    std::string name, rel;
    bool hidden = false;
  };
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local, const Poco::XML::XMLString&,
                    const Poco::XML::Attributes& attrs) override {
    if (local != "sheet") return;
    const std::string state = Attribute(attrs, "state");
    sheets.push_back({Attribute(attrs, "name"), Attribute(attrs, "id"), state == "hidden" || state == "veryHidden"});
  }
  std::vector<Entry> sheets;
};

// xl/sharedStrings.xml: every <si>, its runs' <t> joined (phonetic runs,
// <rPh>, left out).
class SharedStringsHandler : public Poco::XML::DefaultHandler {
 public:
  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local, const Poco::XML::XMLString&,
                    const Poco::XML::Attributes&) override {
    if (local == "si") current_.clear();
    else if (local == "rPh") ++phonetic_;
    else if (local == "t") in_text_ = phonetic_ == 0;
  }
  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local, const Poco::XML::XMLString&) override {
    if (local == "si") strings.push_back(std::move(current_));
    else if (local == "rPh") --phonetic_;
    else if (local == "t") in_text_ = false;
  }
  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (in_text_) current_.append(ch + start, static_cast<size_t>(length));
  }
  std::vector<std::string> strings;

 private:
  std::string current_;
  int phonetic_ = 0;
  bool in_text_ = false;
};

// A number as Excel shows it: 15 significant digits, so a sum such as
// 0.1 + 0.2 stored as 0.30000000000000004 reads "0.3".
std::string NumberText(const std::string& raw) {
  char* end = nullptr;
  const double v = std::strtod(raw.c_str(), &end);
  if (end != raw.c_str() + raw.size() || !std::isfinite(v)) return raw;
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out.precision(15);
  out << v;
  return out.str();
}

// One worksheet's cells.
class SheetHandler : public Poco::XML::DefaultHandler {
 public:
  SheetHandler(const std::vector<std::string>& shared, XlsxSheet& sheet, int index)
      : shared_(shared), sheet_(sheet), index_(index) {}

  void startElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local, const Poco::XML::XMLString&,
                    const Poco::XML::Attributes& attrs) override {
    if (local == "row") {
      const std::string r = Attribute(attrs, "r");
      const long row = r.empty() ? row_ + 1L : std::strtol(r.c_str(), nullptr, 10);
      if (row < 1 || row > kLastRow)
        throw XlsxError("row " + (r.empty() ? std::to_string(row) : r) + " lies outside a sheet's 1,048,576 rows",
                        index_);
      row_ = static_cast<int>(row);
      column_ = 0;
    } else if (local == "c") {
      const std::string r = Attribute(attrs, "r");
      int row = row_, column = column_ + 1;
      if (!r.empty() && !ParseCellName(r, row, column))
        throw XlsxError("cell reference '" + r + "' is not a cell name", index_);
      if (row < 1 || row > kLastRow || column < 1 || column > kLastColumn)
        throw XlsxError("cell " + r + " lies outside a sheet's 1,048,576 rows and 16,384 columns", index_);
      row_ = row;
      column_ = column;
      type_ = Attribute(attrs, "t");
      value_.clear();
      inline_.clear();
      formula_.clear();
      in_cell_ = true;
    } else if (in_cell_ && local == "v") {
      in_value_ = true;
    } else if (in_cell_ && local == "f") {
      in_formula_ = true;
    } else if (in_cell_ && local == "rPh") {
      ++phonetic_;
    } else if (in_cell_ && local == "t") {
      in_inline_ = phonetic_ == 0;
    } else if (local == "mergeCell") {
      merges.push_back(Attribute(attrs, "ref"));
    }
  }

  void endElement(const Poco::XML::XMLString&, const Poco::XML::XMLString& local, const Poco::XML::XMLString&) override {
    if (local == "v") in_value_ = false;
    else if (local == "f") in_formula_ = false;
    else if (local == "t") in_inline_ = false;
    else if (local == "rPh") --phonetic_;
    else if (local == "c" && in_cell_) {
      in_cell_ = false;
      AddCell();
    }
  }

  void characters(const Poco::XML::XMLChar ch[], int start, int length) override {
    if (in_value_) value_.append(ch + start, static_cast<size_t>(length));
    else if (in_formula_) formula_.append(ch + start, static_cast<size_t>(length));
    else if (in_inline_) inline_.append(ch + start, static_cast<size_t>(length));
  }

  std::vector<std::string> merges;

 private:
  void AddCell() {
    XlsxCell cell;
    cell.row = row_;
    cell.column = column_;
    if (value_.empty() && !formula_.empty() && type_ != "inlineStr") {
      cell.type = XlsxCell::Type::kUncomputed;
      cell.text = "=" + formula_;
    } else if (type_ == "s") {
      char* end = nullptr;
      const unsigned long i = std::strtoul(value_.c_str(), &end, 10);
      if (value_.empty() || *end != '\0' || i >= shared_.size())
        throw XlsxError("cell " + CellName(row_, column_) + " refers to shared string '" + value_ + "' of " +
                            std::to_string(shared_.size()),
                        index_);
      cell.text = shared_[i];
    } else if (type_ == "inlineStr") {
      cell.text = inline_;
    } else if (type_ == "str" || type_ == "d") {
      cell.text = value_;
    } else if (type_ == "b") {
      cell.type = XlsxCell::Type::kBool;
      if (!value_.empty()) cell.text = value_ == "1" || value_ == "true" ? "true" : "false";
    } else if (type_ == "e") {
      cell.type = XlsxCell::Type::kError;
      cell.text = value_;
    } else {
      cell.type = XlsxCell::Type::kNumber;
      if (!value_.empty()) cell.text = NumberText(value_);
    }
    if (cell.text.empty()) return;
    if (row_ != last_row_) {
      last_row_ = row_;
      if (++rows_ > kMaxWorkbookRows)
        throw XlsxError("more than " + std::to_string(kMaxWorkbookRows) + " rows hold a value (row " +
                            std::to_string(row_) + "); the limit is " + Limit(kMaxWorkbookRows),
                        index_);
    }
    if (sheet_.cells.size() >= kMaxWorkbookCells)
      throw XlsxError("more than " + std::to_string(kMaxWorkbookCells) + " cells hold a value; the limit is " +
                          Limit(kMaxWorkbookCells),
                      index_);
    sheet_.cells.push_back(std::move(cell));
  }

  const std::vector<std::string>& shared_;
  XlsxSheet& sheet_;
  int index_;
  int row_ = 0, column_ = 0, last_row_ = 0, phonetic_ = 0;
  size_t rows_ = 0;
  std::string type_, value_, inline_, formula_;
  bool in_cell_ = false, in_value_ = false, in_inline_ = false, in_formula_ = false;
};

bool Before(const XlsxCell& a, const XlsxCell& b) {
  return a.row != b.row ? a.row < b.row : a.column < b.column;
}

// Merged ranges: the top-left cell's value fills the range (what a person
// sees spread over it), within the row limit for all of them together.
void FillMerges(XlsxSheet& sheet, const std::vector<std::string>& merges, int index) {
  std::vector<XlsxCell> added;
  for (const std::string& ref : merges) {
    const size_t colon = ref.find(':');
    int r1 = 0, c1 = 0, r2 = 0, c2 = 0;
    if (colon == std::string::npos || !ParseCellName(ref.substr(0, colon), r1, c1) ||
        !ParseCellName(ref.substr(colon + 1), r2, c2) || r2 < r1 || c2 < c1)
      continue;
    const size_t area = static_cast<size_t>(r2 - r1 + 1) * static_cast<size_t>(c2 - c1 + 1);
    if (added.size() + area > kMaxWorkbookRows)
      throw XlsxError("merged cells cover more than " + std::to_string(kMaxWorkbookRows) + " cells; the limit is " +
                          Limit(kMaxWorkbookRows),
                      index);
    XlsxCell key{r1, c1, XlsxCell::Type::kString, ""};
    auto top = std::lower_bound(sheet.cells.begin(), sheet.cells.end(), key, Before);
    if (top == sheet.cells.end() || top->row != r1 || top->column != c1) continue;
    for (int r = r1; r <= r2; ++r)
      for (int c = c1; c <= c2; ++c)
        if (r != r1 || c != c1) added.push_back({r, c, top->type, top->text});
  }
  if (added.empty()) return;
  // A cell that has a value of its own keeps it: the sheet's cells come
  // first among equals, and the stable sort keeps them first.
  sheet.cells.insert(sheet.cells.end(), added.begin(), added.end());
  std::stable_sort(sheet.cells.begin(), sheet.cells.end(), Before);
  sheet.cells.erase(std::unique(sheet.cells.begin(), sheet.cells.end(),
                                [](const XlsxCell& a, const XlsxCell& b) { return a.row == b.row && a.column == b.column; }),
                    sheet.cells.end());
}

XlsxWorkbook ReadArchive(const std::string& bytes, const std::string& file, Diagnostics& diags) {
  Archive archive(bytes);
  std::string book_part = "xl/workbook.xml";
  if (auto rels = archive.Read("_rels/.rels")) {
    RelsHandler handler("");
    ParseXml("_rels/.rels", *rels, handler);
    for (const auto& [id, type] : handler.types)
      if (type.size() >= 15 && type.compare(type.size() - 15, 15, "/officeDocument") == 0)
        book_part = handler.targets[id];
  }
  std::optional<std::string> book = archive.Read(book_part);
  if (!book) throw XlsxError("not an XLSX workbook (the archive has no " + book_part + ")");
  WorkbookHandler sheets;
  ParseXml(book_part, *book, sheets);
  const size_t slash = book_part.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : book_part.substr(0, slash + 1);
  const std::string rels_part = dir + "_rels/" + book_part.substr(dir.size()) + ".rels";
  RelsHandler rels(dir);
  if (auto text = archive.Read(rels_part)) ParseXml(rels_part, *text, rels);

  XlsxWorkbook out;
  for (const auto& s : sheets.sheets) out.sheets.push_back({s.name, s.hidden, {}});
  diags.AddWorkbook(file, out.SheetNames());

  SharedStringsHandler shared;
  for (const auto& [id, type] : rels.types)
    if (type.size() >= 14 && type.compare(type.size() - 14, 14, "/sharedStrings") == 0)
      if (auto text = archive.Read(rels.targets[id])) ParseXml(rels.targets[id], *text, shared);

  for (size_t i = 0; i < sheets.sheets.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    auto target = rels.targets.find(sheets.sheets[i].rel);
    if (target == rels.targets.end()) throw XlsxError("the workbook names no part for this sheet", index);
    std::optional<std::string> xml = archive.Read(target->second);
    if (!xml) throw XlsxError("the archive has no " + target->second + " for this sheet", index);
    XlsxSheet& sheet = out.sheets[i];
    SheetHandler handler(shared.strings, sheet, index);
    ParseXml(target->second, *xml, handler, index);
    std::stable_sort(sheet.cells.begin(), sheet.cells.end(), Before);
    FillMerges(sheet, handler.merges, index);
  }
  return out;
}

}  // namespace

std::vector<std::string> XlsxWorkbook::SheetNames() const {
  std::vector<std::string> names;
  for (const auto& s : sheets) names.push_back(s.name);
  return names;
}

bool ParseCellName(const std::string& ref, int& row, int& column) {
  size_t i = 0;
  long c = 0, r = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3; ++i) c = c * 26 + (ref[i] - 'A' + 1);
  const size_t letters = i;
  for (; i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i < letters + 7; ++i) r = r * 10 + (ref[i] - '0');
  if (letters == 0 || i == letters || i != ref.size()) return false;
  row = static_cast<int>(r);
  column = static_cast<int>(c);
  return true;
}

std::optional<XlsxWorkbook> ReadXlsx(const std::string& bytes, const std::string& file, Diagnostics& diags) {
  if (bytes.size() > kMaxWorkbookBytes) {
    diags.Error(file, {}, "the file has " + std::to_string(bytes.size()) + " bytes; a workbook's limit is " +
                              std::to_string(kMaxWorkbookBytes >> 20) + " MB (docs/limits.md)");
    return std::nullopt;
  }
  if (bytes.compare(0, 4, "PK\x03\x04") != 0) {
    diags.Error(file, {}, "not an XLSX workbook (not a ZIP archive)");
    return std::nullopt;
  }
  try {
    return ReadArchive(bytes, file, diags);
  } catch (const XlsxError& e) {
    diags.Error(file, SourcePos{0, 0, e.sheet}, e.what());
  }
  return std::nullopt;
}

}  // namespace fa
