#!/usr/bin/env python3
"""Generates realistic roadmap .docx files for benchmarks: a heading with an
organisation and a period, a table with a header, section rows, numbered items with
runs split as Word splits them, merged deadline cells and page-split tables.

usage: gen-roadmaps.py OUT_DIR COUNT [ROWS]"""
import os, random, sys, zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ACTIVITIES = ["Совещание при директоре по вопросам наставничества", "Формирование базы наставников",
              "Анкетирование наставляемых и наставников", "Организация работы наставнических пар",
              "Проведение педагогического совета", "Мониторинг реализации программы наставничества",
              "Размещение информации на сайте школы", "Обучение наставников на курсах повышения квалификации"]
DEADLINES = ["Постоянно", "сентябрь 2024 г.", "до 20.05.2024 года", "Ежегодно, май", "в течение года",
             "ноябрь – декабрь 2024 г., далее - ежегодно сентябрь", "I квартал 2025 г.", "по мере необходимости"]
RESPONSIBLES = ["Директор школы, заместители директора", "Куратор программы наставничества",
                "зам. директора по УВР Петрова А.С.", "педагог-психолог, классные руководители", "Иванова Н.Е."]
RESULTS = ["Приказ", "Протокол", "Аналитическая справка", "База наставников", "Информация на сайте"]
RPR = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="24"/></w:rPr>'

def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def runs(text):
    words = text.split(" ")
    out, chunk = [], []
    for w in words:
        chunk.append(w)
        if random.random() < 0.3:
            out.append(" ".join(chunk) + " "); chunk = []
    if chunk: out.append(" ".join(chunk))
    return "".join(f'<w:r w:rsidR="00A1B2C3">{RPR}<w:t xml:space="preserve">{esc(c)}</w:t></w:r>' for c in out)

def p(text, bold=False, center=False):
    ppr = '<w:pPr><w:spacing w:after="0"/>' + ('<w:jc w:val="center"/>' if center else '') + '</w:pPr>'
    if bold: text_runs = f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'
    else: text_runs = runs(text)
    return f"<w:p>{ppr}{text_runs}</w:p>"

def tc(text, props=""):
    return f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/>{props}</w:tcPr>{p(text)}</w:tc>'

def roadmap(i, rows):
    org = f"МБОУ СОШ № {i % 97 + 1}"
    out = [p(f"Дорожная карта по реализации системы наставничества {org} (2024-2026 гг.)", bold=True, center=True)]
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(5))
    header = "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(tc(h) for h in ["№ п/п", "Мероприятие", "Срок", "Ответственные", "Ожидаемый результат"]) + "</w:tr>"
    body, n, sec = [header], 0, 0
    for r in range(rows):
        if r % 10 == 0:
            sec += 1
            body.append("<w:tr>" + tc(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][sec % 8] + ".") + tc(f"Раздел {sec}", '<w:gridSpan w:val="4"/>') + "</w:tr>")
        n += 1
        merge = '<w:vMerge w:val="restart"/>' if r % 7 == 0 else ('<w:vMerge/>' if r % 7 == 1 else "")
        body.append("<w:tr>" + tc(f"{n}.") + tc(random.choice(ACTIVITIES)) + tc(random.choice(DEADLINES), merge)
                    + tc(random.choice(RESPONSIBLES)) + tc(random.choice(RESULTS)) + "</w:tr>")
    out.append(f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(body)}</w:tbl>')
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{"".join(out)}<w:sectPr/></w:body></w:document>'

def write(path, xml):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", xml)

if __name__ == "__main__":
    out, count = sys.argv[1], int(sys.argv[2])
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    random.seed(7)
    os.makedirs(out, exist_ok=True)
    total = 0
    for i in range(count):
        xml = roadmap(i, rows)
        total += len(xml.encode())
        write(os.path.join(out, f"roadmap_{i:05d}.docx"), xml)
    print(total)
