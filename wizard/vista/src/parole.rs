//! The wizard's own words: its buttons, headings and messages, and the sentences the view builds around a computed
//! date ("Presenta ricorso entro {data}."). Italian is compiled in ([`ITALIANO`]); another language hands its words
//! at run time (the build lists these keys as source strings of the site, so a translation of them is kept in step
//! like any other, and writes each language's words into a classic script beside the wizard). Dates, day counts
//! and amounts are computed and put into the sentences, never written in translated prose.

use chrono::{Datelike, NaiveDate};
use civis_core::testi::Lingua;
use civis_engine::motivo::Motivo;
use civis_engine::risposte::ErroreRisposte;
use civis_engine::testo::{Frase, Scrive};
use serde::Serialize;

civis_core::catalogo! {
    /// One of the wizard's words or sentences.
    P {
    Mesi = "percorso.mesi": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    Giorni = "percorso.giorni": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    NonSo = "percorso.non_so": "Non lo so",
    Euro = "percorso.euro": "{importo} euro",
    FraseSenzaTermine = "percorso.frase.senza_termine": "Per il tuo caso non c'è un termine di legge da rispettare: ecco a chi rivolgerti.",
    FraseScaduto = "percorso.frase.scaduto": "Il termine per «{titolo}» è scaduto {data}.",
    FraseTolleranza = "percorso.frase.tolleranza": "{azione}: il pagamento vale ancora se lo fai entro {data}.",
    FraseEntro = "percorso.frase.entro": "{azione} entro {data}.",
    FraseRegola = "percorso.frase.regola": "{azione} entro il termine: {regola}.",
    FraseAzione = "percorso.frase.azione": "{azione}.",
    AltraLettura = "percorso.altra_lettura": "Ultimo giorno secondo la lettura meno prudente: {data}.",
    RitardoUno = "percorso.ritardo.uno": "Sei in ritardo di 1 giorno sul termine «{titolo}»{quando}.",
    RitardoMolti = "percorso.ritardo.molti": "Sei in ritardo di {giorni} giorni sul termine «{titolo}»{quando}.",
    RitardoQuando = "percorso.ritardo.quando": " (scadeva {data})",
    AlternativaEntro = "percorso.alternativa.entro": "{titolo}: entro {data}",
    AlternativaRegola = "percorso.alternativa.regola": "{titolo}: {regola}",
    Avanzamento = "percorso.avanzamento": "Avanzamento",
    LeTueRisposte = "percorso.le_tue_risposte": "Le tue risposte",
    DomandaNumero = "percorso.domanda_numero": "Domanda {numero}",
    MostraRisposte = "percorso.mostra_risposte": "Mostra le risposte date ({numero})",
    Cambia = "percorso.cambia": "Cambia",
    CambiaLaRisposta = "percorso.cambia_la_risposta": " la risposta a «{domanda}»",
    Scegli = "percorso.scegli": "Scegli una risposta per continuare.",
    DataInNumeri = "percorso.data_in_numeri": "Scrivi la data con numeri: giorno, mese e anno (per esempio 15 7 2026).",
    Giorno = "percorso.giorno": "Giorno",
    Mese = "percorso.mese": "Mese",
    Anno = "percorso.anno": "Anno",
    AnnoCifre = "percorso.anno_cifre": "Anno (4 cifre)",
    Importo = "percorso.importo": "Importo in euro (per esempio 1.250,50)",
    Approfondisci = "percorso.approfondisci": "Approfondisci",
    Errore = "percorso.errore": "Errore: ",
    Continua = "percorso.continua": "Continua",
    Salta = "percorso.salta": "Non lo so, salta",
    Indietro = "percorso.indietro": "Indietro",
    Controlla = "percorso.controlla": "Controlla le risposte",
    Ricomincia = "percorso.ricomincia": "Ricomincia",
    GiorniPassatoPrudente = "percorso.giorni.passato_prudente": "agisci oggi: il giorno più prudente è passato",
    GiorniScaduto = "percorso.giorni.scaduto": "scaduto",
    GiorniOggi = "percorso.giorni.oggi": "scade oggi",
    GiorniUno = "percorso.giorni.uno": "manca 1 giorno",
    GiorniMolti = "percorso.giorni.molti": "mancano {giorni} giorni",
    ComeControllo = "percorso.come_controllo": "Come abbiamo fatto il controllo",
    ComeCalcolo = "percorso.come_calcolo": "Come abbiamo calcolato la data",
    Fonte = "percorso.fonte": "Fonte: {fonte}",
    SullaNotifica = "percorso.sulla_notifica": "Sulla data di notifica: {nota}",
    LaRisposta = "percorso.la_risposta": "La risposta",
    Canale = "percorso.canale": "Canale: ",
    PuoiAnche = "percorso.puoi_anche": "Puoi anche",
    Prepara = "percorso.prepara": "Prepara la richiesta CIVIS: controlla numeri, testo e allegati",
    CheCosaFare = "percorso.che_cosa_fare": "Che cosa fare",
    Stampato = "percorso.stampato": "Stampato il {data} da {indirizzo}",
    AltreScadenze = "percorso.altre_scadenze": "Le altre scadenze",
    Attenzione = "percorso.attenzione": "Attenzione",
    ComeProcedere = "percorso.come_procedere": "Come procedere",
    Controlli = "percorso.controlli": "Controlli sull'atto",
    SanzioneRidotta = "percorso.sanzione_ridotta": "Sanzione ridotta",
    DaLeggere = "percorso.da_leggere": "Da leggere",
    TestiDiLegge = "percorso.testi_di_legge": "I testi di legge",
    Stampa = "percorso.stampa": "Stampa",
    Calendario = "percorso.calendario": "Aggiungi al calendario",
    CopiaLink = "percorso.copia_link": "Copia il link",
    CopiaRiepilogo = "percorso.copia_riepilogo": "Copia il riepilogo",
    Torna = "percorso.torna": "Torna alla guida",
    LinkCopiato = "percorso.link_copiato": "Link copiato. ",
    RiepilogoCopiato = "percorso.riepilogo_copiato": "Riepilogo copiato. ",
    LinkPrivato = "percorso.link_privato": "Il link contiene le tue risposte e le tue date: resta sul tuo dispositivo finché non lo invii a qualcuno.",
    Sportelli = "percorso.sportelli": "Per gli sportelli: link al percorso già compilati",
    InItaliano = "percorso.in_italiano": "in italiano",
    PerOperatore = "percorso.per_operatore": "La stessa risposta in italiano, per chi ti assiste",
    MessaggioItaliano = "percorso.messaggio_italiano": "Il controllo dice (in italiano):",
}}

/// Every key a language's words are given by, with its Italian, in the order its script lists them: the wizard's
/// words ([`CHIAVI`]), then the engine's sentences as data (its reasons for refusing an answer, the line beside a
/// date).
pub fn chiavi() -> impl Iterator<Item = (&'static str, &'static str)> {
    let frasi =
        civis_engine::motivo::MODELLI.iter().chain(civis_engine::breve::MODELLI).chain(civis_engine::passo::MODELLI);
    let frasi = frasi.chain(civis_engine::lettura::MODELLI);
    let frasi = frasi.copied();
    CHIAVI.iter().copied().zip(ITALIANO.iter().copied()).chain(frasi)
}

/// One line in a language: the reader's, or the engine's own Italian, which a page in another language marks so.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Riga {
    /// The line.
    pub testo: String,
    /// Whether it is the engine's Italian on a page in another language.
    pub in_italiano: bool,
}

/// The wizard's words in one language: the language's own, Italian where it has none. Its texts are in the order of
/// [`chiavi`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parole(Lingua);

impl Parole {
    /// The Italian words.
    pub fn italiano() -> Parole {
        Parole(Lingua::italiano())
    }

    /// The words of the language `codice`, in the order of [`chiavi`] (a language's script writes them so).
    pub fn di(codice: &str, testi: Vec<Option<String>>) -> Parole {
        Parole(Lingua::di(codice, testi))
    }

    /// The language's code.
    pub fn codice(&self) -> &str {
        self.0.codice()
    }

    /// Whether these are the Italian words (the rules' own language, and the one the engine explains in).
    pub fn italiane(&self) -> bool {
        self.0.italiana()
    }

    /// One word or sentence, unfilled.
    pub fn t(&self, p: P) -> &str {
        self.0.testo(p as usize, ITALIANO[p as usize])
    }

    /// A sentence with its `{name}` filled in. Filled by hand: `str::replace` would compile a substring searcher
    /// into the browser's module.
    pub fn f(&self, p: P, valori: &[(&str, &str)]) -> String {
        civis_core::testi::riempi(self.t(p), valori)
    }

    /// Why an answer cannot be used, in these words: the engine's reason in the language's sentence, with the
    /// dates in its words; else the engine's Italian message (marked, in another language).
    pub fn messaggio(&self, e: &ErroreRisposte) -> Riga {
        self.riga(e.motivo.as_ref(), &e.messaggio)
    }

    /// [`Parole::messaggio`] for a reason (if any) and the engine's Italian message.
    pub fn riga(&self, motivo: Option<&Motivo>, italiano: &str) -> Riga {
        self.frase(motivo, italiano, true)
    }

    /// One of the engine's sentences as data (if any) in these words, `italiano` being the engine's own; with
    /// `maiuscola`, starting with a capital.
    pub fn frase<F: Frase>(&self, frase: Option<&F>, italiano: &str, maiuscola: bool) -> Riga {
        let tradotta = frase.filter(|_| !self.italiane()).and_then(|f| {
            let (i, valori) = f.parti();
            let posto = chiavi().position(|(k, _)| k == F::MODELLI[i].0)?;
            Some(civis_engine::testo::scrivi(self.0.propria(posto)?, valori, self))
        });
        let (testo, in_italiano) = match tradotta {
            Some(t) => (t, false),
            None => (italiano.to_string(), !self.italiane()),
        };
        let testo = if maiuscola { civis_engine::flusso::maiuscola(&testo) } else { testo };
        Riga { testo, in_italiano }
    }

    /// A date in words with its weekday ("mercoledì 14 ottobre 2026", "Wednesday 14 October 2026").
    pub fn data(&self, d: NaiveDate) -> String {
        format!("{} {}", self.nome(P::Giorni, d.weekday().num_days_from_monday() as usize), self.data_breve(d))
    }

    /// A date in words ("14 ottobre 2026").
    pub fn data_breve(&self, d: NaiveDate) -> String {
        format!("{} {} {}", d.day(), self.nome(P::Mesi, d.month0() as usize), d.year())
    }

    /// The `i`-th of a list of names (months, weekdays), written as words separated by spaces.
    fn nome(&self, p: P, i: usize) -> &str {
        self.t(p).split(' ').nth(i).unwrap_or_default()
    }
}

/// The dates a sentence is filled with, in these words.
impl Scrive for Parole {
    fn data(&self, d: NaiveDate) -> String {
        self.data_breve(d)
    }
    fn data_estesa(&self, d: NaiveDate) -> String {
        Parole::data(self, d)
    }
    fn giorno(&self, d: NaiveDate) -> String {
        self.nome(P::Giorni, d.weekday().num_days_from_monday() as usize).into()
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn italian_dates_read_as_the_engine_writes_them() {
        let it = Parole::italiano();
        let mut d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while d.year() == 2026 {
            assert_eq!(it.data(d), civis_engine::testo::data_estesa(d));
            assert_eq!(it.data_breve(d), civis_engine::testo::data_it(d));
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn a_translation_fills_its_own_sentences_and_falls_back_to_italian() {
        let mut testi = vec![None; CHIAVI.len()];
        let mut metti = |chiave: &str, testo: &str| {
            testi[CHIAVI.iter().position(|c| *c == chiave).unwrap()] = Some(testo.to_string());
        };
        metti("percorso.frase.entro", "{azione} by {data}.");
        metti("percorso.mesi", "January February March April May June July August September October November December");
        metti("percorso.giorni", "Monday Tuesday Wednesday Thursday Friday Saturday Sunday");
        let en = Parole::di("en", testi);
        let data = en.data(NaiveDate::from_ymd_opt(2026, 10, 14).unwrap());
        assert_eq!(data, "Wednesday 14 October 2026");
        assert_eq!(
            en.f(P::FraseEntro, &[("azione", "File the appeal"), ("data", &data)]),
            "File the appeal by Wednesday 14 October 2026."
        );
        assert_eq!(en.t(P::Continua), "Continua", "a missing word reads in Italian");
        assert!(!en.italiane() && Parole::italiano().italiane());
        assert_eq!(en.f(P::FraseEntro, &[("azione", "{x}")]), "{x} by {data}.", "unknown names stay");
    }

    #[test]
    fn the_engine_s_reasons_read_in_the_language_or_in_marked_italian() {
        let chiavi: Vec<&str> = chiavi().map(|(k, _)| k).collect();
        let mut testi = vec![None; chiavi.len()];
        let futura = chiavi.iter().position(|c| *c == "risposta.data_futura").unwrap();
        testi[futura] = Some("the date {data} is in the future".to_string());
        testi[chiavi.iter().position(|c| *c == "percorso.mesi").unwrap()] =
            Some("January February March April May June July August September October November December".into());
        let en = Parole::di("en", testi);
        let d = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        let riga = en.riga(Some(&Motivo::DataFutura(d)), "la data 15 luglio 2026 è nel futuro");
        assert_eq!(riga, Riga { testo: "The date 15 July 2026 is in the future".into(), in_italiano: false });
        let riga = en.riga(Some(&Motivo::ImportoNegativo), "l'importo non può essere negativo");
        assert_eq!(
            riga,
            Riga { testo: "L'importo non può essere negativo".into(), in_italiano: true },
            "not translated"
        );
        let riga = Parole::italiano().riga(Some(&Motivo::DataFutura(d)), "la data 15 luglio 2026 è nel futuro");
        assert_eq!(riga, Riga { testo: "La data 15 luglio 2026 è nel futuro".into(), in_italiano: false });
    }

    #[test]
    fn every_word_has_a_key_and_a_text() {
        assert_eq!(CHIAVI.len(), ITALIANO.len());
        assert!(CHIAVI.iter().all(|k| k.starts_with("percorso.")));
        assert_eq!(ITALIANO[P::Continua as usize], "Continua");
    }
}
