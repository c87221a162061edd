//! Files signed in CAdES (`.p7m`): a CMS `SignedData` envelope (RFC 5652) with the document inside. The rules of
//! the Italian format (Deliberazione CNIPA 45/2009, art. 21): the envelope is BER or DER, or its Base64 text with
//! or without the `-----BEGIN…` lines; the document is enveloped unchanged; each envelope adds `.p7m` to the name,
//! and a file signed again is an envelope inside an envelope.
//!
//! The envelope is decoded with the `der` crate (BER rules: indefinite lengths, the document cut in chunks, as
//! `openssl cms -stream` writes it), typed only along the path to the document: certificates and signatures stay
//! undecoded, which keeps the browser module small. The signature is not verified (no list of trusted
//! certificates in a browser): the verdict says "signed", not "signature valid".

use super::budget::Budget;
use der::asn1::{Any, ObjectIdentifier, OctetString};
use der::{Decode, EncodingRules, Sequence};

/// `id-signedData` (RFC 5652 §5.1).
const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
/// The same identifier as its DER bytes, to recognise an envelope before decoding it.
const OID_DER: &[u8] = &[0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02];

/// `ContentInfo` (RFC 5652 §3).
#[derive(Sequence)]
struct ContentInfo {
    tipo: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    contenuto: Any,
}

/// `EncapsulatedContentInfo` (RFC 5652 §5.2): the document, absent in a detached signature. Typed as an octet
/// string here (not as `Any` decoded later): only so are the chunks of a BER string joined into the document.
#[derive(Sequence)]
struct Incapsulato {
    tipo: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    contenuto: Option<OctetString>,
}

/// What an envelope holds.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Busta {
    /// The signed document.
    Documento(Vec<u8>),
    /// A detached signature: no document inside.
    Staccata,
    /// Recognised as an envelope, but it cannot be decoded (damaged, or a BER form the decoder refuses), or the
    /// budget ran out.
    Illeggibile,
}

/// The envelope in `b`, when `b` is one (binary, Base64 or PEM); `None` when it is not an envelope at all.
pub(crate) fn apri(b: &[u8], budget: &mut Budget) -> Option<Busta> {
    if busta_binaria(b) {
        return Some(documento(b, budget));
    }
    let testo = base64(b)?;
    if !budget.spendi(testo.len() as u64) {
        return Some(Busta::Illeggibile);
    }
    busta_binaria(&testo).then(|| documento(&testo, budget))
}

/// A `SEQUENCE` that starts with `id-signedData` within its first bytes (after the tag and a length of up to
/// five bytes, or the indefinite one).
fn busta_binaria(b: &[u8]) -> bool {
    b.first() == Some(&0x30) && memchr::memmem::find(&b[..b.len().min(12 + OID_DER.len())], OID_DER).is_some()
}

/// The Base64 text of an envelope, decoded: white-space and `-----` armour lines dropped. `None` when the text
/// does not start as an envelope does (`M`, the Base64 of a `SEQUENCE` tag) or is no Base64.
fn base64(b: &[u8]) -> Option<Vec<u8>> {
    use base64ct::Encoding;
    let inizio = b.iter().position(|c| !c.is_ascii_whitespace())?;
    let corpo = &b[inizio..];
    let mut testo = Vec::with_capacity(corpo.len().min(64 * 1024 * 1024));
    for riga in corpo.split(|&c| c == b'\n') {
        if riga.starts_with(b"-----") {
            continue;
        }
        testo.extend(riga.iter().filter(|c| !c.is_ascii_whitespace()));
    }
    if !testo.starts_with(b"M") {
        return None;
    }
    base64ct::Base64::decode_vec(std::str::from_utf8(&testo).ok()?).ok()
}

/// The document inside an envelope.
fn documento(b: &[u8], budget: &mut Budget) -> Busta {
    let incapsulato = ContentInfo::from_ber(b)
        .ok()
        .filter(|ci| ci.tipo == SIGNED_DATA)
        .and_then(|ci| ci.contenuto.decode_as_encoding::<Vec<Any>>(EncodingRules::Ber).ok())
        .and_then(|sd| sd.get(2)?.decode_as_encoding::<Incapsulato>(EncodingRules::Ber).ok());
    match incapsulato {
        None => Busta::Illeggibile,
        Some(Incapsulato { contenuto: None, .. }) => Busta::Staccata,
        Some(Incapsulato { contenuto: Some(o), .. }) => {
            let documento: Vec<u8> = o.into_bytes().into();
            if budget.spendi(documento.len() as u64) {
                Busta::Documento(documento)
            } else {
                Busta::Illeggibile
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal SignedData in DER around `documento` (no certificates, one empty signer set), written by hand.
    fn busta(documento: &[u8]) -> Vec<u8> {
        fn tlv(tag: u8, v: &[u8]) -> Vec<u8> {
            let mut out = vec![tag];
            if v.len() < 128 {
                out.push(v.len() as u8);
            } else {
                out.extend([0x82, (v.len() >> 8) as u8, v.len() as u8]);
            }
            out.extend_from_slice(v);
            out
        }
        let dati = [0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01];
        let eci = tlv(0x30, &[&dati[..], &tlv(0xA0, &tlv(0x04, documento))].concat());
        let sd = tlv(0x30, &[&[0x02, 0x01, 0x01][..], &tlv(0x31, &[]), &eci, &tlv(0x31, &[])].concat());
        tlv(0x30, &[OID_DER, &tlv(0xA0, &sd)].concat())
    }

    #[test]
    fn the_document_comes_out_of_a_binary_base64_and_pem_envelope() {
        let b = busta(b"%PDF-1.7 documento");
        let mut budget = Budget::new();
        assert_eq!(apri(&b, &mut budget), Some(Busta::Documento(b"%PDF-1.7 documento".to_vec())));
        use base64ct::Encoding;
        let testo = base64ct::Base64::encode_string(&b);
        let a_righe: String =
            testo.as_bytes().chunks(20).map(|r| format!("{}\r\n", std::str::from_utf8(r).unwrap())).collect();
        assert_eq!(apri(a_righe.as_bytes(), &mut budget), Some(Busta::Documento(b"%PDF-1.7 documento".to_vec())));
        let pem = format!("-----BEGIN PKCS7-----\n{a_righe}-----END PKCS7-----\n");
        assert_eq!(apri(pem.as_bytes(), &mut budget), Some(Busta::Documento(b"%PDF-1.7 documento".to_vec())));
    }

    #[test]
    fn other_files_are_not_envelopes_and_a_broken_one_says_so() {
        let mut budget = Budget::new();
        assert_eq!(apri(b"%PDF-1.7", &mut budget), None);
        assert_eq!(apri(b"MIIBroken!!", &mut budget), None);
        assert_eq!(apri(b"Mi chiamo Mario", &mut budget), None);
        let mut rotta = busta(b"documento");
        rotta.truncate(rotta.len() - 3);
        assert_eq!(apri(&rotta, &mut budget), Some(Busta::Illeggibile));
    }
}
