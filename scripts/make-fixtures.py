#!/usr/bin/env python3
# make-fixtures.py: writes the original-format reader fixtures (DOCX, XLSX, PDF) for each seed layout.
#
# Usage (from the repository root, after building jx):
#     python3 scripts/make-fixtures.py [--jx build/jx] [--seeds ../shared/seeds] [--out tests/fixtures/read]
#         [--only word-targets,pdf-report] [--keep-html]
#
# For each layout L it writes tests/fixtures/read/L/{text.txt, doc.docx, book.xlsx, doc.pdf}:
# - text.txt is the text counterpart: an exact cut of the seed's lines (not written for pdf-report, whose
#   counterpart is the seed itself).
# - The documents are laid out like the originals: Word-style tables (merged cells as rowspan/colspan, wrapped text
#   in fixed narrow columns, A4 pages, tables running over page breaks) written as HTML and converted by LibreOffice
#   headless (Writer for DOCX and PDF). The XLSX is written as a flat ODF spreadsheet (.fods) with numbers as
#   numbers and percentages as percentages (formatted with the decimals they were printed with, as in a real
#   budget workbook) and converted by LibreOffice Calc, because Calc's HTML import guesses types and drops
#   decimals (17.00 -> 17).
# - Word dumps (000, 002, 003) are split into rows of cells exactly as src/lib/read/text.c build_word_cells does;
#   the TSV dump (001) one row per line with cells kept in position; pdf-report (004) is rebuilt from the model
#   that `jx import SEED --format json` prints (tables, project tables with 实施期/年度 side by side, prose);
#   two things the model does not keep are looked up in the seed's text: the second name column of an
#   economic-classification table (表6) and the top-level heading above a numbered prose section.
#
# Deterministic: same seeds and jx give the same HTML/FODS; LibreOffice writes its own timestamps into the
# outputs, so re-running changes the binary files' bytes but not their content. Standard library only.
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SPACE = ' \t\r\f\v\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\ufeff'

# (layout, seed prefix, line ranges (1-based, inclusive) cut from the seed, kind). The cuts end at a table
# boundary so the excerpt imports on its own. Seed 000 leaves out its table of contents (lines 29-54): a TOC line
# is a paragraph with a tab leader before the page number, which a PDF cannot give back as a tab, and the text
# recogniser would take "二、分项绩效目标<TAB>1" for the overall goal; the cover (with the year) is kept.
LAYOUTS = [
    ('word-targets', '000', [(1, 28), (55, 293)], 'word'),
    ('overall-tsv', '001', [(1, 63)], 'tsv'),
    ('word-funds', '002', [(1, 436)], 'word'),
    ('word-project', '003', [(1, 186)], 'word'),
    ('pdf-report', '004', None, 'model'),
]


def trim(s):
    return s.strip(SPACE)


def strip_bookmarks(s):
    return re.sub(r'\[bookmark:[^\]]*\]', '', s)


# ---------------------------------------------------------------------------------------------------------------
# Blocks: ('p', text) | ('table', rows, opts) | ('break',) | ('sheet', name). A row is a list of cell texts.

def parse_word_cells(lines):
    """Mirrors build_word_cells in src/lib/read/text.c; also notes where one table ends and the next begins (a
    line of spaces is an empty paragraph between tables; an empty line only ends a row)."""
    blocks = []
    table = None
    row = None
    keep_open = cont_ok = started_empty = False
    i = 0
    n = len(lines)

    def end_table():
        nonlocal table
        if table is not None and table:
            blocks.append(('table', table, {}))
        table = None

    while i < n:
        s = lines[i]
        if s.startswith('\t'):
            t = s[1:]
            trailing = t.endswith('\t')
            t = t.rstrip('\t')
            text = trim(strip_bookmarks(t))
            if row is None:
                if table is None:
                    table = []
                row = []
                table.append(row)
            row.append(text)
            started_empty = text == ''
            keep_open = trailing
            cont_ok = True
            i += 1
            continue
        if trim(s) == '':
            run = 0
            while i + run < n and lines[i + run] == '':
                run += 1
            if keep_open and s == '' and run >= 2 and i + run < n and lines[i + run].startswith('\t'):
                i += run
                continue
            row = None
            keep_open = cont_ok = False
            if s != '':
                end_table()
            i += 1
            continue
        if row is not None and cont_ok:
            text = trim(strip_bookmarks(s))
            row[-1] = row[-1] + '\n' + text if row[-1] else text
            if started_empty:
                keep_open = True
            i += 1
            continue
        row = None
        keep_open = False
        end_table()
        text = trim(strip_bookmarks(s))
        if text:
            blocks.append(('p', text))
        i += 1
    end_table()
    return blocks


def parse_tsv(lines):
    """One row per line with tabs, cells kept in position (trailing empty cells dropped); blank lines and
    paragraph lines end a table."""
    blocks = []
    table = None
    for s in lines:
        if '\t' not in s:
            if table:
                blocks.append(('table', table, {'tsv': True}))
            table = None
            if trim(s):
                blocks.append(('p', trim(s)))
            continue
        cells = [trim(c) for c in s.split('\t')]
        while cells and cells[-1] == '':
            cells.pop()
        if table is None:
            table = []
        table.append(cells)
    if table:
        blocks.append(('table', table, {'tsv': True}))
    return blocks


# ---------------------------------------------------------------------------------------------------------------
# Layout of a table: each cell gets (text, colspan, rowspan) or None where it is covered by a merge.

def layout_table(rows, opts):
    if opts.get('laid'):
        return rows, max(sum(c[1] for c in r if c is not None) + sum(1 for c in r if c is None) for r in rows)
    width = max(len(r) for r in rows)
    if opts.get('width'):
        width = max(width, opts['width'])
    out = []
    for r in rows:
        if opts.get('spans'):
            spans = list(opts['spans'][len(out)]) if len(out) < len(opts['spans']) else None
        else:
            spans = None
        if not spans or len(spans) != len(r):
            spans = [1] * len(r)
            if r:
                spans[-1] += width - len(r)
        out.append([[c, sp, 1] for c, sp in zip(r, spans)])
    if not opts.get('tsv') and not opts.get('norowspan'):
        # A blank first cell under a filled one in a row of the same shape is the lower part of a cell merged
        # down (Word's level-1 indicator column); the text dump shows it as an empty cell.
        shape = [[c[1] for c in r] for r in out]
        origin = None
        for i in range(1, len(out)):
            prev, cur = out[i - 1], out[i]
            same = shape[i - 1] == shape[i]
            if same and cur and cur[0][0] == '' and (origin is not None or prev[0][0] != ''):
                if origin is None:
                    origin = prev[0]
                origin[2] += 1
                cur[0] = None
            else:
                origin = None
    return out, width


def html_cell(text):
    parts = [html.escape(p).replace('  ', ' &#160;') for p in text.split('\n')]
    return '<br>'.join(parts)


def blocks_to_html(blocks, title):
    out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8">', '<title>%s</title>' % html.escape(title),
           '<style>',
           '@page { size: 21cm 29.7cm; margin: 2cm 1.8cm; }',
           'body { font-family: "Noto Serif CJK SC", serif; font-size: 10.5pt; }',
           'p { margin: 0.2em 0; }',
           'table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.4em 0; }',
           'td { border: 1px solid #000; padding: 2px; vertical-align: middle; font-size: 9pt; }',
           '</style></head><body>']
    started = False
    for b in blocks:
        if b[0] == 'p':
            out.append('<p>%s</p>' % html_cell(b[1]))
        elif b[0] in ('break', 'sheet'):
            if started:
                out.append('<p style="page-break-before: always"></p>')
            continue
        started = True
        if b[0] == 'table':
            cells, width = layout_table(b[1], b[2])
            out.append('<table border="1" cellspacing="0" cellpadding="2" width="100%">')
            widths = b[2].get('cols')
            if widths:
                # LibreOffice's HTML import honours <col> widths in pixels (relative), not in percent.
                out.append('<colgroup>%s</colgroup>' % ''.join('<col width="%d">' % (w * 6) for w in widths))
            for r in cells:
                tds = []
                for c in r:
                    if c is None:
                        continue
                    attrs = ''
                    if c[1] > 1:
                        attrs += ' colspan="%d"' % c[1]
                    if c[2] > 1:
                        attrs += ' rowspan="%d"' % c[2]
                    tds.append('<td%s>%s</td>' % (attrs, html_cell(c[0])))
                out.append('<tr>%s</tr>' % ''.join(tds))
            out.append('</table>')
    out.append('</body></html>')
    return '\n'.join(out) + '\n'


# ---------------------------------------------------------------------------------------------------------------
# Flat ODF spreadsheet: one row per paragraph or table row; merges as spans; plain decimals as numbers.

NUM_RE = re.compile(r'^-?(0|[1-9][0-9]*)(\.([0-9]+))?$')
PCT_RE = re.compile(r'^(0|[1-9][0-9]*)(\.([0-9]+))?%$')


def fods_cell(text, colspan, rowspan, styles):
    attrs = ''
    if colspan > 1:
        attrs += ' table:number-columns-spanned="%d"' % colspan
    if rowspan > 1:
        attrs += ' table:number-rows-spanned="%d"' % rowspan
    m = PCT_RE.match(text)
    if m and len(text) <= 15:
        # A percentage as a spreadsheet keeps it: the fraction, shown with a percent format.
        dec = len(m.group(3) or '')
        styles.add(('p', dec))
        whole, frac = m.group(1), m.group(3) or ''
        digits = (whole + frac).lstrip('0') or '0'
        scale = len(frac) + 2
        value = digits.rjust(scale + 1, '0')
        value = value[:-scale] + '.' + value[-scale:]
        value = value.rstrip('0').rstrip('.')
        return ('<table:table-cell table:style-name="cp%d" office:value-type="percentage" office:value="%s"%s>'
                '<text:p>%s</text:p></table:table-cell>' % (dec, value, attrs, text))
    m = NUM_RE.match(text)
    if m and len(text) <= 15:
        dec = len(m.group(3) or '')
        styles.add(dec)
        return ('<table:table-cell table:style-name="ce%d" office:value-type="float" office:value="%s"%s>'
                '<text:p>%s</text:p></table:table-cell>' % (dec, text, attrs, text))
    paras = ''.join('<text:p>%s</text:p>' % html.escape(p, quote=False) for p in text.split('\n')) if text else ''
    return ('<table:table-cell table:style-name="cew" office:value-type="string"%s>%s</table:table-cell>'
            % (attrs, paras)) if text else '<table:table-cell table:style-name="cew"%s/>' % attrs


def blocks_to_fods(blocks):
    sheets = []  # (name, rows of xml strings, width)
    cur = None
    styles = set()

    def new_sheet(name):
        nonlocal cur
        name = re.sub(r'[\[\]:*?/\\]', '_', name)[:24] or 'Sheet'
        if any(x[0] == name for x in sheets):
            name = '%s_%d' % (name, len(sheets) + 1)
        cur = [name, [], 1]
        sheets.append(cur)

    for b in blocks:
        if b[0] == 'sheet':
            new_sheet(b[1])
            continue
        if cur is None:
            new_sheet('Sheet1')
        if b[0] == 'p':
            cur[1].append(fods_cell(b[1], 1, 1, styles))
        elif b[0] == 'table':
            cells, width = layout_table(b[1], b[2])
            cur[2] = max(cur[2], width)
            covered = {}  # (row, col) covered by a merge from above
            for ri, r in enumerate(cells):
                xml = []
                col = 0
                for c in r:
                    while covered.get((ri, col)):
                        xml.append('<table:covered-table-cell/>' * covered[(ri, col)])
                        col += covered[(ri, col)]
                    if c is None:
                        continue
                    xml.append(fods_cell(c[0], c[1], c[2], styles))
                    if c[1] > 1:
                        xml.append('<table:covered-table-cell/>' * (c[1] - 1))
                    for k in range(1, c[2]):
                        covered[(ri + k, col)] = c[1]
                    col += c[1]
                while covered.get((ri, col)):
                    xml.append('<table:covered-table-cell/>' * covered[(ri, col)])
                    col += covered[(ri, col)]
                cur[1].append(''.join(xml))
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
           'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
           'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">',
           '<office:automatic-styles>',
           '<style:style style:name="co1" style:family="table-column">'
           '<style:table-column-properties style:column-width="3.2cm"/></style:style>',
           '<style:style style:name="cew" style:family="table-cell"><style:table-cell-properties '
           'fo:wrap-option="wrap" fo:border="0.5pt solid #000000"/></style:style>']
    for d in sorted(x[1] for x in styles if isinstance(x, tuple)):
        out.append('<number:percentage-style style:name="P%d"><number:number number:decimal-places="%d" '
                   'number:min-decimal-places="%d" number:min-integer-digits="1"/><number:text>%%</number:text>'
                   '</number:percentage-style>' % (d, d, d))
        out.append('<style:style style:name="cp%d" style:family="table-cell" style:parent-style-name="Default" '
                   'style:data-style-name="P%d"><style:table-cell-properties fo:border="0.5pt solid #000000"/>'
                   '</style:style>' % (d, d))
    for d in sorted(x for x in styles if not isinstance(x, tuple)):
        out.append('<number:number-style style:name="N%d"><number:number number:decimal-places="%d" '
                   'number:min-decimal-places="%d" number:min-integer-digits="1"/></number:number-style>'
                   % (d, d, d))
        out.append('<style:style style:name="ce%d" style:family="table-cell" style:parent-style-name="Default" '
                   'style:data-style-name="N%d"><style:table-cell-properties fo:border="0.5pt solid #000000"/>'
                   '</style:style>' % (d, d))
    out.append('</office:automatic-styles><office:body><office:spreadsheet>')
    for name, rows, width in sheets:
        out.append('<table:table table:name="%s">' % html.escape(name))
        out.append('<table:table-column table:style-name="co1" table:number-columns-repeated="%d"/>' % width)
        for r in rows:
            out.append('<table:table-row>%s</table:table-row>' % r)
        out.append('</table:table>')
    out.append('</office:spreadsheet></office:body></office:document>')
    return '\n'.join(out) + '\n'


# ---------------------------------------------------------------------------------------------------------------
# pdf-report: the full report rebuilt from the model.

def txt(x):
    """The printed text of a model string, money or value (None -> "")."""
    if x is None:
        return ''
    if isinstance(x, str):
        return x
    return x.get('text', '') or ''


def laid(rows):
    """Marks rows given with explicit spans: each cell is [text, colspan, rowspan] or None where covered."""
    return ('table', rows, {'laid': True})


def C(text, cs=1, rs=1):
    return [txt(text), cs, rs]


SEED_LINES = []
NUMLIKE = re.compile(r'^-?[0-9][0-9,]*(\.[0-9]+)?%?$')


def second_names(t):
    """The 政府预算支出经济科目 column of an economic-classification table (表6): the model keeps only the first
    name and whether a row is a group or an item, so the second name of each item row is taken from the seed's
    line that starts with the row's name (searched forward from the table's title). None when the table has no
    such column."""
    rows = t['rows']
    if any(r.get('code') for r in rows) or not any(r['kind'] == 'group' for r in rows):
        return None
    pos = next((k for k, l in enumerate(SEED_LINES) if t['title'] in l), len(SEED_LINES))
    names = []
    for r in rows:
        sec = ''
        if r['kind'] == 'item':
            for k in range(pos, min(len(SEED_LINES), pos + 400)):
                parts = SEED_LINES[k].split()
                if len(parts) >= 2 and parts[0] == r['name'] and not NUMLIKE.match(parts[1]):
                    sec, pos = parts[1], k + 1
                    break
        names.append(sec)
    return names if any(names) else None


def disclosure_table(t, dept):
    """One 预算公开表: number, title, department and unit line, header rows, then the rows; tables with two sides
    (收入 | 支出) print the sides next to each other."""
    blocks = [('sheet', '预算公开表%d' % t['number']), ('p', '预算公开表%d' % t['number']), ('p', t['title'])]
    unit = t.get('unit_text')
    blocks.append(('p', '部门名称：%s%s' % (dept, (' 单位：%s' % unit) if unit else '')))
    cols = t['columns']
    sides = sorted(set(c['side'] for c in cols))
    has_code = any(r.get('code') for r in t['rows'])
    indent = not has_code and any(r['level'] > 1 for r in t['rows'])
    rows = []
    if len(sides) == 2:
        left = [c['name'] for c in cols if c['side'] == 0]
        right = [c['name'] for c in cols if c['side'] == 1]
        rows.append([C('收入', 1 + len(left)), C('支出', 1 + len(right))])
        rows.append([C('项目')] + [C(n) for n in left] + [C('项目')] + [C(n) for n in right])
        li = [i for i, c in enumerate(cols) if c['side'] == 0]
        ri = [i for i, c in enumerate(cols) if c['side'] == 1]
        # Pair the sides in the model's order: a 收入 row starts a printed row, the next 支出 row fills its right
        # half (the totals of both sides then share their rows, as printed).
        pairs = []
        for r in t['rows']:
            if r['side'] == 0:
                pairs.append([r, None])
            elif pairs and pairs[-1][1] is None and pairs[-1][0] is not None:
                pairs[-1][1] = r
            else:
                pairs.append([None, r])
        for lr, rr in pairs:
            row = []
            for r, idx in ((lr, li), (rr, ri)):
                if r is not None:
                    row.append(C(r['name']))
                    row += [C(r['amounts'][i]) for i in idx]
                else:
                    row += [C('')] * (1 + len(idx))
            rows.append(row)
    else:
        two = any('/' in c['name'] for c in cols)
        second = second_names(t)
        if second:
            lead = [C('部门预算支出经济科目名称'), C('政府预算支出经济科目名称')]
        else:
            lead = [C('科目编码'), C('科目名称')] if has_code else [C('项目')]
        if two:
            top = list(lead)
            for c in lead:
                c[2] = 2
            j = 0
            sub = []
            while j < len(cols):
                head = cols[j]['name'].split('/')[0]
                if '/' in cols[j]['name']:
                    k = j
                    while k < len(cols) and cols[k]['name'].split('/')[0] == head and '/' in cols[k]['name']:
                        sub.append(C(cols[k]['name'].split('/', 1)[1]))
                        k += 1
                    top.append(C(head, k - j))
                    j = k
                else:
                    top.append(C(cols[j]['name'], 1, 2))
                    j += 1
            rows.append(top)
            rows.append([None] * len(lead) + sub)
        else:
            rows.append(lead + [C(c['name']) for c in cols])
        for k, r in enumerate(t['rows']):
            name = r['name']
            if indent and r['level'] > 1 and not second:
                name = '\u3000\u3000' * (r['level'] - 1) + name
            if second:
                row = [C(name), C(second[k])]
            else:
                row = [C(r.get('code') or ''), C(name)] if has_code else [C(name)]
            row += [C(a) for a in r['amounts']]
            rows.append(row)
    blocks.append(laid(rows))
    if t.get('note'):
        blocks.append(('p', t['note']))
    return blocks


LEVELS = [('产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']),
          ('效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']),
          ('满意度指标', ['服务对象满意度指标'])]


def level_groups(inds):
    """Indicators grouped by level 1 then level 2 (canonical names), in the printed order: the usual level-2 rows
    of each level 1 even when empty (the forms print them), then any other level 2 the model has."""
    order = []
    for l1, l2s in LEVELS:
        order.append((l1, list(l2s)))
    for i in inds:
        for l1, l2s in order:
            if l1 == i['level1']:
                if i['level2'] not in l2s:
                    l2s.append(i['level2'])
                break
        else:
            order.append((i['level1'], [i['level2']]))
    return order


def indicator_rows(period, year, side_by_side):
    """Rows of the indicator part: 一级指标 | 二级 | 三级 | 指标值 (| 二级 | 三级 | 指标值 for the year)."""
    rows = []
    for l1, l2s in level_groups(period + year):
        group = []
        for l2 in l2s:
            P = [i for i in period if i['level1'] == l1 and i['level2'] == l2]
            Y = [i for i in year if i['level1'] == l1 and i['level2'] == l2]
            n = max(len(P), len(Y), 1)
            for k in range(n):
                row = []
                for part in ((P, Y) if side_by_side else (P,)):
                    first = part[0] if part else None
                    if k == 0:
                        row.append(C(first['level2_text'] if first else l2, 1, n))
                    else:
                        row.append(None)
                    i = part[k] if k < len(part) else None
                    row += [C(i['name'] if i else ''), C(i['value'] if i else '')]
                group.append(row)
        first = next((i for i in period + year if i['level1'] == l1), None)
        for k, row in enumerate(group):
            row.insert(0, C(first['level1_text'] if first else l1, 1, len(group)) if k == 0 else None)
        rows += group
    return rows


def project_table(p, dept_name):
    period = [i for i in p['indicators'] if i.get('scope') == 'period']
    year = [i for i in p['indicators'] if i.get('scope') != 'period']
    unit = p.get('unit_label') or '（元）'
    rows = [[C('项目名称'), C(p['name'], 7)],
            [C('主管部门及代码'), C('%s-%s' % (p.get('supervisor_code') or '', p.get('supervisor') or ''), 3),
             C('实施单位'), C(p.get('implementer'), 3)],
            [C('项目属性'), C(p.get('attribute'), 3), C('项目期'), C(p.get('duration'), 3)]]
    funding = p.get('funding', [])
    rows.append([C('项目资金\n' + unit, 1, 1 + len(funding)), C('实施期资金总额：', 2), C(p.get('amount_total'), 1),
                 C('年度资金总额：', 2), C(p.get('amount'), 2)])
    for k, f in enumerate(funding):
        name = f['name'].replace('市县财政资金', '市县（区）财政资金')
        label = ('其中：' if k == 0 else '') + name
        rows.append([None, C(label, 2), C(f.get('total')), C(label, 2), C(f.get('year'), 2)])
    rows.append([C('项目概况'), C(p.get('overview'), 7)])
    rows.append([C('立项依据'), C('\n'.join(txt(b) for b in p.get('basis', [])), 7)])
    rows.append([C('项目设立必要性'), C(p.get('necessity'), 7)])
    rows.append([C('保证项目实施的制度、措施'), C(p.get('measures'), 7)])
    rows.append([C('项目实施计划'), C(p.get('plan'), 7)])
    rows.append([C('总体目标', 1, 2), C('实施期目标', 3), C('年度目标', 4)])
    rows.append([None, C(p.get('goal_total'), 3), C(p.get('goal_year'), 4)])
    ind = indicator_rows(period, year, True)
    rows.append([C('绩效指标', 1, 1 + len(ind)), C('一级指标'), C('二级指标'), C('三级指标'), C('指标值'),
                 C('二级指标'), C('三级指标'), C('指标值')])
    rows += [[None] + r for r in ind]
    return [('sheet', p['name'][:28]), ('p', '%s县(区)级预算部门（单位）项目支出绩效目标表' % dept_name),
            ('p', '（%s年度）' % YEAR[0]),
            ('table', rows, {'laid': True, 'cols': [6, 12, 13, 22, 10, 13, 14, 10]}),
            ('p', '负责人：\u3000\u3000经办人：\u3000\u3000联系电话：\u3000\u3000填报日期：')]


YEAR = ['']


def overall_table(m):
    d, o = m['department'], m['overall']
    src = [b for b in o.get('budget', []) if b['group'] == 'source']
    dirn = [b for b in o.get('budget', []) if b['group'] == 'direction']
    rows = []
    info = [[C('部门名称'), C('%s-%s' % (d.get('code') or '', d['name']), 4)],
            [C('内设职能部门数'), C('%d个' % d.get('internal_units', 0)), C('所属预算单位数'),
             C('%d个' % d.get('budget_units', 0), 2)],
            [C('核定的人员编制数'), C('%d人' % d.get('staff_authorized', 0), 4)],
            [C('实际在职人员总数'), C('%d人' % d.get('staff_actual', 0), 4)],
            [C('其中:在编人员数'), C('%d人' % d.get('staff_on_books', 0), 4)],
            [C('其他人员数'), C('%d人' % d.get('staff_other', 0), 4)],
            [C('部门职责'), C(o.get('duties'), 4)]]
    info[0].insert(0, C('部门基本\n信息', 1, len(info)))
    for r in info[1:]:
        r.insert(0, None)
    rows += info
    rows.append([C('部门战略\n目标'), C(o.get('strategy'), 5)])
    n = max(len(src), len(dirn))

    def label(b, k):
        name = '合 计' if b['name'] == '合计' else b['name']
        return ('其中:' + name) if k == 1 else name
    budget = [[C('按资金来源划分', 2), C('资金总额（万元）'), C('按资金方向划分'), C('资金总额（万元）')]]
    for k in range(n):
        a = src[k] if k < len(src) else None
        b = dirn[k] if k < len(dirn) else None
        budget.append([C(label(a, k) if a else '', 2), C(a['amount'] if a else ''), C(label(b, k) if b else ''),
                       C(b['amount'] if b else '')])
    budget[0].insert(0, C('年度\n预算情况', 1, len(budget)))
    for r in budget[1:]:
        r.insert(0, None)
    rows += budget
    tasks = [[C('核心职能', 2), C('重点任务', 3)]] + [[C(t.get('function'), 2), C(t.get('name'), 3)]
                                                  for t in o.get('tasks', [])]
    tasks[0].insert(0, C('年度重点\n任务', 1, len(tasks)))
    for r in tasks[1:]:
        r.insert(0, None)
    rows += tasks
    rows.append([C('年度绩效\n目标'), C(o.get('goal'), 5)])
    ind = [[C('一级指标'), C('二级指标'), C('三级指标', 2), C('指标值')]]
    for r in indicator_rows(o.get('indicators', []), [], False):
        # 一级 | 二级 | 三级 (2 columns) | 指标值
        r[2] = C(r[2][0], 2)
        ind.append(r)
    ind[0].insert(0, C('年度绩效\n指标', 1, len(ind)))
    for r in ind[1:]:
        r.insert(0, None)
    rows += ind
    return [('sheet', '整体支出绩效目标'), ('p', o.get('title') or '整体支出绩效目标申报表'),
            ('p', '（%s）年度' % YEAR[0]), ('table', rows, {'laid': True, 'cols': [10, 18, 14, 22, 16, 20]})]


TOP_HEADING = re.compile(r'^[一二三四五六七八九十]+、')


def parent_heading(section, pos):
    """The model keeps a statement's own section ("1、车辆情况：") but not the heading above it
    ("十一、国有资产占有使用情况"); this finds the section's line in the seed (from line `pos` on) and returns
    (heading or None, next pos), the heading being the non-blank line right above when it is a top-level one."""
    key = ''.join(section.split())[:8]
    if not key or TOP_HEADING.match(section):
        return None, pos
    for k in range(pos, len(SEED_LINES)):
        if ''.join(SEED_LINES[k].split()).startswith(key):
            j = k - 1
            while j >= 0 and not SEED_LINES[j].strip():
                j -= 1
            above = SEED_LINES[j].strip() if j >= 0 else ''
            return (above if TOP_HEADING.match(above) else None), k + 1
    return None, pos


def report_blocks(m):
    """The report in the order of the published one: 概况, the disclosure tables, the 情况说明 prose up to the
    performance-target statements, the overall and project target tables (the annex those statements point to),
    the remaining prose, then 名词解释 on a page of its own."""
    YEAR[0] = str(m.get('year', ''))
    d = m['department']
    b = [('sheet', '概况'), ('p', '第一部分 概况'), ('p', '一、本部门职责'), ('p', txt(d.get('duties'))),
         ('p', '二、机构设置情况'), ('p', txt(d.get('structure')))]
    if m.get('tables'):
        b.append(('p', '第二部分 %s年部门预算报表' % YEAR[0]))
    for t in m.get('tables', []):
        b += disclosure_table(t, d['name'])
    statements = m.get('statements', [])
    # The target tables follow the last statement about performance targets (绩效目标), else the prose.
    cut = len(statements)
    for k, st in enumerate(statements):
        if '绩效目标' in (st.get('section') or ''):
            cut = k + 1
    targets = []
    if m.get('overall', {}).get('present'):
        targets += overall_table(m)
    for p in m.get('projects', []):
        targets += project_table(p, d['name'])
    b += [('sheet', '情况说明'), ('p', '第三部分 %s年度部门预算情况说明' % YEAR[0])]
    last = None
    glossary = False
    seed_pos = 0
    for k, st in enumerate(statements):
        if k == cut:
            b += targets + [('sheet', '情况说明（续）')]
            targets = []
            last = None
        sec = st.get('section') or ''
        if sec.startswith('第四部分') and not glossary:
            b.append(('sheet', '名词解释'))
            glossary = True
        if sec != last:
            head, seed_pos = parent_heading(sec, seed_pos)
            if head:
                b.append(('p', head))
            b.append(('p', sec))
            last = sec
        b.append(('p', st.get('text', '')))
    return b + targets


# ---------------------------------------------------------------------------------------------------------------

def soffice(args_in, infilter, target, outdir, profile):
    cmd = ['soffice', '-env:UserInstallation=file://' + profile, '--headless', '--infilter=' + infilter,
           '--convert-to', target, '--outdir', outdir, args_in]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    if r.returncode != 0:
        sys.exit('soffice failed: %s\n%s' % (' '.join(cmd), r.stderr.decode('utf-8', 'replace')))


def convert(blocks, title, dest, tmp, profile, keep_html):
    os.makedirs(dest, exist_ok=True)
    h = os.path.join(tmp, 'doc.html')
    with open(h, 'w', encoding='utf-8') as f:
        f.write(blocks_to_html(blocks, title))
    fo = os.path.join(tmp, 'book.fods')
    with open(fo, 'w', encoding='utf-8') as f:
        f.write(blocks_to_fods(blocks))
    soffice(h, 'HTML (StarWriter)', 'docx:MS Word 2007 XML', tmp, profile)
    soffice(h, 'HTML (StarWriter)', 'pdf:writer_pdf_Export', tmp, profile)
    soffice(fo, 'OpenDocument Spreadsheet Flat XML', 'xlsx:Calc MS Excel 2007 XML', tmp, profile)
    shutil.copy(os.path.join(tmp, 'doc.docx'), os.path.join(dest, 'doc.docx'))
    shutil.copy(os.path.join(tmp, 'doc.pdf'), os.path.join(dest, 'doc.pdf'))
    shutil.copy(os.path.join(tmp, 'book.xlsx'), os.path.join(dest, 'book.xlsx'))
    if keep_html:
        shutil.copy(h, os.path.join(dest, 'doc.html'))
        shutil.copy(fo, os.path.join(dest, 'book.fods'))


def seed_path(seeds, prefix):
    for name in sorted(os.listdir(seeds)):
        if name.startswith(prefix) and name.endswith('.txt'):
            return os.path.join(seeds, name)
    sys.exit('no seed %s* in %s' % (prefix, seeds))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description='Write the reader fixtures tests/fixtures/read/*/')
    ap.add_argument('--jx', default=os.path.join(root, 'build', 'jx'))
    ap.add_argument('--seeds', default=os.environ.get('JX_SEEDS_DIR', os.path.join(root, '..', 'shared', 'seeds')))
    ap.add_argument('--out', default=os.path.join(root, 'tests', 'fixtures', 'read'))
    ap.add_argument('--only', default='')
    ap.add_argument('--keep-html', action='store_true')
    a = ap.parse_args()
    only = set(x for x in a.only.split(',') if x)
    unknown = only - set(x[0] for x in LAYOUTS)
    if unknown:
        sys.exit('unknown layout: %s (known: %s)' % (', '.join(sorted(unknown)), ', '.join(x[0] for x in LAYOUTS)))
    if not shutil.which('soffice'):
        sys.exit('soffice (LibreOffice) is not installed')
    if (not only or 'pdf-report' in only) and not os.access(a.jx, os.X_OK):
        sys.exit('%s is not an executable jx; build it or pass --jx' % a.jx)
    sys.path.insert(0, here)
    profile = os.path.join(tempfile.gettempdir(), 'lo-fixtures')
    for name, prefix, ranges, kind in LAYOUTS:
        if only and name not in only:
            continue
        src = seed_path(a.seeds, prefix)
        dest = os.path.join(a.out, name)
        os.makedirs(dest, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix='fixtures-') as tmp:
            if kind == 'model':
                r = subprocess.run([a.jx, 'import', src, '--format', 'json'], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
                if r.returncode != 0:
                    sys.exit('jx import %s failed: %s' % (src, r.stderr.decode('utf-8', 'replace')))
                with open(src, encoding='utf-8', errors='replace') as f:
                    SEED_LINES[:] = f.read().split('\n')
                blocks = report_blocks(json.loads(r.stdout.decode('utf-8')))
            else:
                with open(src, 'rb') as f:
                    data = f.read()
                # Keep the exact bytes of the cut (line ends included) for text.txt.
                raw = data.split(b'\n')
                cut = b''.join(b'\n'.join(raw[first - 1:last]) + b'\n' for first, last in ranges)
                with open(os.path.join(dest, 'text.txt'), 'wb') as f:
                    f.write(cut)
                text = cut.decode('utf-8-sig').replace('\r\n', '\n').replace('\r', '\n')
                lines = text.split('\n')
                blocks = parse_word_cells(lines) if kind == 'word' else parse_tsv(lines)
            convert(blocks, name, dest, tmp, profile, a.keep_html)
        print('%s: %s' % (name, ', '.join(sorted(os.listdir(dest)))))


if __name__ == '__main__':
    main()
