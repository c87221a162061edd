//! The XML parts of a package read with a real XML parser (quick-xml), so that what the checks look for is
//! found whatever the quoting, the namespace prefix, the character references or the encoding (UTF-8 or
//! UTF-16, with or without a byte-order mark). A document type declaration is refused: office files never
//! carry one, and it is how entity tricks begin.

use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;

/// An element as the checks see it: its local name and its attributes (local names, values unescaped).
pub(crate) struct Elemento {
    pub(crate) nome: String,
    pub(crate) attributi: Vec<(String, String)>,
}

impl Elemento {
    /// The value of the attribute with this local name.
    pub(crate) fn attributo(&self, nome: &str) -> Option<&str> {
        self.attributi.iter().find(|(k, _)| k == nome).map(|(_, v)| v.as_str())
    }
}

/// The text of a part: UTF-16 decoded, a UTF-8 byte-order mark dropped, invalid UTF-8 replaced.
pub(crate) fn testo(b: &[u8]) -> Cow<'_, str> {
    let utf16 = |be: bool, b: &[u8]| {
        let unita: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| if be { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) })
            .collect();
        Cow::Owned(String::from_utf16_lossy(&unita))
    };
    // A byte-order mark, or `<` as the first UTF-16 unit without one.
    match b {
        [0xFF, 0xFE, resto @ ..] => utf16(false, resto),
        [0xFE, 0xFF, resto @ ..] => utf16(true, resto),
        [b'<', 0, ..] if b.len() % 2 == 0 => utf16(false, b),
        [0, b'<', ..] => utf16(true, b),
        [0xEF, 0xBB, 0xBF, resto @ ..] => String::from_utf8_lossy(resto),
        _ => String::from_utf8_lossy(b),
    }
}

/// Calls `f` on every element of the part. `Err(())` when the part is not well-formed XML or declares a
/// document type: the caller reports it as not fully checked.
pub(crate) fn visita(b: &[u8], f: &mut dyn FnMut(&Elemento)) -> Result<(), ()> {
    visita_con_testo(b, f, &mut |_, _| {})
}

/// Calls `f` on every element and `t` on the text of every element that has some (with the element's local
/// name), references resolved and CDATA included: formulas are element text in spreadsheets.
pub(crate) fn visita_con_testo(
    b: &[u8],
    f: &mut dyn FnMut(&Elemento),
    t: &mut dyn FnMut(&str, &str),
) -> Result<(), ()> {
    let testo = testo(b);
    let mut lettore = quick_xml::Reader::from_str(&testo);
    // The open elements, each with the text gathered so far.
    let mut aperti: Vec<(String, String)> = Vec::new();
    loop {
        match lettore.read_event().map_err(|_| ())? {
            Event::Start(e) => {
                let el = elemento(&e)?;
                f(&el);
                aperti.push((el.nome, String::new()));
            }
            Event::Empty(e) => f(&elemento(&e)?),
            Event::End(_) => {
                if let Some((nome, testo)) = aperti.pop() {
                    if !testo.is_empty() {
                        t(&nome, &testo);
                    }
                }
            }
            Event::Text(e) => {
                if let Some((_, testo)) = aperti.last_mut() {
                    testo.push_str(&e.xml10_content().map_err(|_| ())?);
                }
            }
            Event::CData(e) => {
                if let Some((_, testo)) = aperti.last_mut() {
                    testo.push_str(&e.decode().map_err(|_| ())?);
                }
            }
            Event::GeneralRef(r) => {
                let carattere = match r.resolve_char_ref().map_err(|_| ())? {
                    Some(c) => c.to_string(),
                    None => {
                        let nome = r.decode().map_err(|_| ())?;
                        quick_xml::escape::resolve_predefined_entity(&nome).ok_or(())?.to_string()
                    }
                };
                if let Some((_, testo)) = aperti.last_mut() {
                    testo.push_str(&carattere);
                }
            }
            Event::DocType(_) => return Err(()),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// An element's local name and unescaped attributes.
fn elemento(e: &BytesStart) -> Result<Elemento, ()> {
    let nome = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
    let mut attributi = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|_| ())?;
        if a.key.as_namespace_binding().is_some() {
            continue;
        }
        let valore = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|_| ())?;
        attributi.push((String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned(), valore.into_owned()));
    }
    Ok(Elemento { nome, attributi })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nomi(b: &[u8]) -> Result<Vec<String>, ()> {
        let mut out = Vec::new();
        visita(b, &mut |e| out.push(format!("{}:{}", e.nome, e.attributo("Target").unwrap_or(""))))?;
        Ok(out)
    }

    #[test]
    fn prefixes_quotes_references_and_utf16_do_not_matter() {
        let a = nomi(b"<r:Relationships xmlns:r='x'><r:Relationship Target='h&#116;tp://a'/></r:Relationships>");
        assert_eq!(a.unwrap(), ["Relationships:", "Relationship:http://a"]);
        let utf16: Vec<u8> = "\u{feff}<a Target=\"x\"/>".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(nomi(&utf16).unwrap(), ["a:x"]);
    }

    #[test]
    fn text_comes_whole_with_references_and_cdata() {
        let mut testi = Vec::new();
        let xml = b"<c><f>cmd&#124;' /c calc'!A0</f><g><![CDATA[WEB]]>SERVICE&quot;</g><h/></c>";
        visita_con_testo(xml, &mut |_| {}, &mut |e, t| testi.push(format!("{e}={t}"))).unwrap();
        assert_eq!(testi, ["f=cmd|' /c calc'!A0", "g=WEBSERVICE\""]);
    }

    #[test]
    fn doctypes_and_broken_xml_are_refused() {
        assert!(nomi(b"<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>").is_err());
        assert!(nomi(b"<a b='&undefined;'/>").is_err());
    }
}
