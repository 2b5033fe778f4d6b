#!/usr/bin/python3
"""Fills a questionnaire workbook of factory-assess the way a person would,
with a writer other than the one that made it (openpyxl): the answers of a
TSV file typed into the cells found by their headings (docs/workbook.md).

usage: fill_workbook.py FORM.xlsx ANSWERS.tsv OUT.xlsx shared|inline

ANSWERS.tsv: one line per entry, tab-separated: `profile KEY VALUE` or
`answer ID VALUE EVIDENCE NOTE`; VALUE is `list:a,b`, `na`, or the value as
written in the answers file; `\\n` stands for a line break.

shared: openpyxl's own file (shared strings), numbers typed as numbers,
yes/no as booleans, a column of the user's own added.
inline: as Excel and LibreOffice may also save it: every string an inline
string, numbers typed as text, the rows of every domain sheet reversed with
blank rows between them, and the cover's employees a formula with its
cached value.
"""
import re
import sys
import zipfile

import openpyxl


def typed(value, numbers_as_text):
    if value.startswith("list:"):
        items = [v for v in value[5:].split(",") if v]
        return ", ".join(items) if items else "[]"
    if value in ("true", "false"):
        return value == "true" if not numbers_as_text else value
    if not numbers_as_text:
        try:
            number = float(value)
            return int(number) if number.is_integer() and "." not in value else number
        except ValueError:
            pass
    return value


def main():
    src, tsv, out, mode = sys.argv[1:5]
    inline = mode == "inline"
    profile, answers = {}, {}
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            parts = [p.replace("\\n", "\n") for p in line.rstrip("\n").split("\t")]
            if parts[0] == "profile":
                profile[parts[1]] = parts[2]
            else:
                answers[parts[1]] = parts[2:5]
    book = openpyxl.load_workbook(src)
    headings = {}
    for row in book["_factory_assess"].iter_rows(values_only=True):
        if row[0] and str(row[0]).startswith("header:"):
            headings[row[1]] = row[0][len("header:"):]
    formula = None
    for sheet in book.worksheets:
        if sheet.title.startswith("_"):
            continue
        columns = {headings[c.value]: c.column for c in sheet[1] if c.value in headings}
        if "field" in columns:
            for r in range(2, sheet.max_row + 1):
                key = sheet.cell(r, columns["field"]).value
                if key in profile:
                    value = typed(profile[key], False) if key in ("employees", "revenue") else profile[key]
                    if inline and key == "employees":
                        formula = (f"{value}-1+1", value)
                        value = "=" + formula[0]
                    sheet.cell(r, columns["value"]).value = value
            continue
        if "id" not in columns:
            continue
        for r in range(2, sheet.max_row + 1):
            criterion = sheet.cell(r, columns["id"]).value
            if criterion in answers:
                value, evidence, note = answers[criterion]
                sheet.cell(r, columns["answer"]).value = typed(value, inline)
                sheet.cell(r, columns["evidence"]).value = evidence or None
                sheet.cell(r, columns["note"]).value = note or None
        extra = sheet.max_column + 1
        sheet.cell(1, extra).value = "my own remarks"
        sheet.cell(2, extra).value = "checked twice"
        if inline:
            rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
            sheet.delete_rows(2, len(rows))
            r = 2
            for values in reversed(rows):
                for c, v in enumerate(values, start=1):
                    sheet.cell(r, c).value = v
                r += 2
    book.save(out)
    if inline:
        to_inline(out, formula)


def to_inline(path, formula):
    """Every shared string an inline string; the formula's cached value set."""
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    strings = []
    if "xl/sharedStrings.xml" in parts:
        xml = parts["xl/sharedStrings.xml"].decode("utf-8")
        strings = re.findall(r"<si>(.*?)</si>", xml, re.S)
    for name in list(parts):
        if not name.startswith("xl/worksheets/sheet"):
            continue
        xml = parts[name].decode("utf-8")

        def repl(m):
            return "<c%s t=\"inlineStr\"><is>%s</is></c>" % (m.group(1), strings[int(m.group(2))])

        xml = re.sub(r'<c([^>]*?) t="s"><v>(\d+)</v></c>', repl, xml)
        if formula:
            xml = re.sub(r"(<f>%s</f>)<v\s*/>|(<f>%s</f>)<v></v>" % (re.escape(formula[0]), re.escape(formula[0])),
                         lambda m: (m.group(1) or m.group(2)) + "<v>%s</v>" % formula[1], xml)
        parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


if __name__ == "__main__":
    main()
