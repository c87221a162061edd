//! The request tool's words, as data: its furniture (headings, labels, help, buttons) and every message of its
//! checks (codice fiscale, identifiers, the text's count, the attachments' findings). Italian is compiled in
//! ([`ITALIANO`]); another language hands its words at run time, in the order of [`R`] (the build lists these keys
//! as source strings, so a translation is kept in step, and writes each language's words into a classic script
//! beside the tool). A check returns a [`Messaggio`] (which sentence, filled with what), so the same finding reads in
//! the page's language; numbers, characters and names are put into the sentence, never translated prose.
//!
//! The text the person sends (composed from the outline, [`crate::traccia::componi`]) stays Italian: the office
//! reads Italian.

use civis_core::testi::Lingua;
use std::fmt;

civis_core::catalogo! {
    /// One of the request tool's words or sentences.
    R {
        // The codice fiscale.
        CfVuoto = "richiesta.cf.vuoto": "Scrivi il codice fiscale.",
        CfLunghezza = "richiesta.cf.lunghezza": "Il codice fiscale di una persona ha 16 caratteri: ne hai scritti {n}.",
        CfCarattere = "richiesta.cf.carattere": "Il {posizione}° carattere («{carattere}») dovrebbe essere {cosa}.",
        CfUnaCifra = "richiesta.cf.una_cifra": "una cifra (o una delle lettere L, M, N, P, Q, R, S, T, U, V)",
        CfUnaLettera = "richiesta.cf.una_lettera": "una lettera",
        CfMese = "richiesta.cf.mese": "Il 9° carattere («{carattere}») dovrebbe essere una delle lettere A, B, C, D, E, H, L, M, P, R, S, T.",
        CfNonTorna = "richiesta.cf.non_torna": "Il codice fiscale non torna: l'ultimo carattere, che serve a controllare gli altri, non corrisponde. Di solito è un errore di battitura: ricopialo carattere per carattere dalla tessera sanitaria o da un documento.",
        CfNumerico = "richiesta.cf.numerico": "Un codice fiscale numerico ha 11 cifre: ne hai scritte {n}.",
        // The act's identifiers and the protocol.
        SoloCifre = "richiesta.id.solo_cifre": "{cosa} contiene solo cifre: togli «{carattere}».",
        Cifre = "richiesta.id.cifre": "{cosa} ha {attese} cifre: ne hai scritte {scritte}. {dove}",
        NomeNumeroComunicazione = "richiesta.id.nome.comunicazione": "Il numero della comunicazione",
        NomeCodiceAtto = "richiesta.id.nome.codice_atto": "Il codice atto",
        NomeIdentificativoCartella = "richiesta.id.nome.identificativo": "L'identificativo della cartella",
        NomeProtocollo = "richiesta.id.nome.protocollo": "Il numero di pratica CIVIS",
        DoveNumeroComunicazione = "richiesta.id.dove.comunicazione": "Lo trovi in alto sulla comunicazione o sull'avviso telematico.",
        DoveCodiceAtto = "richiesta.id.dove.codice_atto": "Lo trovi sulla cartella.",
        DoveIdentificativoCartella = "richiesta.id.dove.identificativo": "Lo trovi sulla cartella; in CIVIS va scritto senza spazi.",
        DoveProtocollo = "richiesta.id.dove.protocollo": "Lo trovi in «Consultazione delle richieste».",
        PartitaVuota = "richiesta.id.partita_vuota": "Scrivi l'identificativo della partita di ruolo come è stampato sulla cartella.",
        PartitaCaratteri = "richiesta.id.partita_caratteri": "L'identificativo della partita di ruolo contiene solo lettere e cifre: togli «{carattere}».",
        SecondaSuCartella = "richiesta.id.seconda_su_cartella": "Per le cartelle la seconda richiesta CIVIS non esiste: c'è solo per le comunicazioni di irregolarità e gli avvisi telematici del controllo automatizzato. Per una cartella prepara una richiesta senza allegati (scegli «La prima richiesta», qui sopra); i documenti si mandano con il servizio «Consegna documenti e istanze».",
        ProtocolloNonData = "richiesta.id.protocollo_non_data": "Le prime 8 cifre del numero di pratica sono la data della richiesta (anno, mese, giorno): qui non formano una data.",
        ProtocolloFuturo = "richiesta.id.protocollo_futuro": "Le prime 8 cifre del numero di pratica sono la data della richiesta: qui formano una data futura.",
        CampoNumeroComunicazione = "richiesta.campo.comunicazione": "Numero della comunicazione o dell'avviso telematico",
        CampoCodiceAtto = "richiesta.campo.codice_atto": "Codice atto",
        CampoIdentificativoCartella = "richiesta.campo.identificativo": "Identificativo della cartella",
        CampoPartitaDiRuolo = "richiesta.campo.partita": "Identificativo della partita di ruolo",
        CampoCodiceFiscale = "richiesta.campo.codice_fiscale": "Codice fiscale",
        CampoProtocollo = "richiesta.campo.protocollo": "Numero di pratica della prima richiesta",
        CampoTesto = "richiesta.campo.testo": "Informazioni relative alla richiesta di assistenza",
        // The text's count.
        ConteggioOltre = "richiesta.conteggio.oltre": "{n} caratteri su {massimo}: togline {troppi} per poter inviare la richiesta.",
        ConteggioVicino = "richiesta.conteggio.vicino": "{n} caratteri su {massimo}: ne restano {restano}.",
        ConteggioOk = "richiesta.conteggio.ok": "{n} caratteri su {massimo}.",
        // The outline: the reasons and their fields.
        MotivoVersamento = "richiesta.motivo.versamento": "Un pagamento fatto ma non considerato",
        MotivoCredito = "richiesta.motivo.credito": "Un credito non riconosciuto",
        MotivoRitenute = "richiesta.motivo.ritenute": "Ritenute non considerate",
        MotivoCompilazione = "richiesta.motivo.compilazione": "Un errore nella compilazione della dichiarazione",
        MotivoAltro = "richiesta.motivo.altro": "Un altro motivo",
        Irregolarita = "richiesta.traccia.irregolarita": "Quale irregolarità contesti",
        IrregolaritaAiuto = "richiesta.traccia.irregolarita.aiuto": "Copia la descrizione (o il codice) dell'esito dalla comunicazione, per esempio «Versamenti non effettuati o carenti».",
        Richiesta = "richiesta.traccia.richiesta": "Che cosa chiedi all'ufficio",
        RichiestaAiuto = "richiesta.traccia.richiesta.aiuto": "Per esempio: annullare la comunicazione, ricalcolare l'importo, riconoscere il versamento.",
        Documenti = "richiesta.traccia.documenti": "Documenti che hai e puoi mostrare",
        DocumentiAiuto = "richiesta.traccia.documenti.aiuto": "Elencali soltanto: nella prima richiesta non si allegano file. Non servono F24 e dichiarazioni, che l'Agenzia ha già.",
        DataVersamento = "richiesta.traccia.data_versamento": "Data del versamento",
        DataVersamentoAiuto = "richiesta.traccia.data_versamento.aiuto": "Come sulla quietanza dell'F24, per esempio 16/06/2025.",
        ImportoVersato = "richiesta.traccia.importo_versato": "Importo versato",
        ImportoVersatoAiuto = "richiesta.traccia.importo_versato.aiuto": "In euro, per esempio 1.250,00.",
        CodiceTributo = "richiesta.traccia.codice_tributo": "Codice tributo e anno di riferimento",
        CodiceTributoAiuto = "richiesta.traccia.codice_tributo.aiuto": "Per esempio 4001, anno 2024.",
        EstremiF24 = "richiesta.traccia.estremi_f24": "Estremi dell'F24",
        EstremiF24Aiuto = "richiesta.traccia.estremi_f24.aiuto": "Protocollo telematico o banca/ufficio postale; se l'hai pagato con un codice fiscale diverso (per esempio del coobbligato), dillo qui.",
        NonConsiderato = "richiesta.traccia.cosa_non_considerato": "Che cosa non è stato considerato",
        NonConsideratoAiuto = "richiesta.traccia.cosa_non_considerato.aiuto": "Per esempio: il versamento fatto in ritardo con ravvedimento.",
        TipoCredito = "richiesta.traccia.tipo_credito": "Quale credito",
        TipoCreditoAiuto = "richiesta.traccia.tipo_credito.aiuto": "Per esempio: credito IRPEF della dichiarazione precedente, quadro RX.",
        AnnoCredito = "richiesta.traccia.anno_credito": "Anno e dichiarazione da cui nasce",
        AnnoCreditoAiuto = "richiesta.traccia.anno_credito.aiuto": "Per esempio: Redditi PF 2024, anno d'imposta 2023.",
        ImportoCredito = "richiesta.traccia.importo_credito": "Importo del credito",
        InEuro = "richiesta.traccia.in_euro": "In euro.",
        UsoCredito = "richiesta.traccia.uso_credito": "Come l'hai usato",
        UsoCreditoAiuto = "richiesta.traccia.uso_credito.aiuto": "In compensazione con F24 (data e importo) o riportato nella dichiarazione successiva.",
        Sostituto = "richiesta.traccia.sostituto": "Chi ha trattenuto le ritenute",
        SostitutoAiuto = "richiesta.traccia.sostituto.aiuto": "Il datore di lavoro o l'ente pensionistico (denominazione).",
        AnnoRitenute = "richiesta.traccia.anno_ritenute": "Anno",
        AnnoRitenuteAiuto = "richiesta.traccia.anno_ritenute.aiuto": "L'anno della Certificazione Unica.",
        ImportoRitenute = "richiesta.traccia.importo_ritenute": "Importo delle ritenute",
        ImportoRitenuteAiuto = "richiesta.traccia.importo_ritenute.aiuto": "Come nella Certificazione Unica, in euro.",
        DoveIndicate = "richiesta.traccia.dove_indicate": "Dove le hai indicate nella dichiarazione",
        DoveIndicateAiuto = "richiesta.traccia.dove_indicate.aiuto": "Quadro e rigo, per esempio 730 rigo C9.",
        Rigo = "richiesta.traccia.rigo": "Quadro e rigo sbagliati",
        RigoAiuto = "richiesta.traccia.rigo.aiuto": "Per esempio: quadro RN, rigo RN33.",
        ValoreIndicato = "richiesta.traccia.valore_indicato": "Che cosa hai scritto",
        ValoreIndicatoAiuto = "richiesta.traccia.valore_indicato.aiuto": "Il dato come è nella dichiarazione inviata.",
        ValoreCorretto = "richiesta.traccia.valore_corretto": "Il dato giusto, e perché",
        ValoreCorrettoAiuto = "richiesta.traccia.valore_corretto.aiuto": "Il valore corretto e da dove risulta.",
        Spiegazione = "richiesta.traccia.spiegazione": "Che cosa è successo",
        SpiegazioneAiuto = "richiesta.traccia.spiegazione.aiuto": "I fatti in ordine, con date e importi.",
        // The summary's rows.
        DaCompilare = "richiesta.riepilogo.da_compilare": "Da compilare.",
        PrimaRichiestaDel = "richiesta.riepilogo.prima_richiesta_del": "(prima richiesta del {data})",
        // The attachments: the set, the verdict, the formats.
        AllegatiNellaPrima = "richiesta.allegati.nella_prima": "Nella prima richiesta CIVIS non si allegano file. Se l'ufficio ti chiede documenti, mandali con il servizio «Consegna documenti e istanze».",
        TroppiFile = "richiesta.allegati.troppi": "Puoi allegare al massimo {massimo} file: ne hai scelti {quanti}. Togline {troppi}.",
        TroppoPesante = "richiesta.allegati.troppo_pesante": "Il file pesa {mb} MB: il massimo è 20 MB (contiamo 20.000.000 di byte, la lettura più prudente). Riducilo, per esempio stampandolo di nuovo in PDF/A a risoluzione più bassa.",
        OltreIlLimite = "richiesta.allegati.oltre_il_limite": "Il file pesa {mb} MB: il massimo è 20 MB (contiamo 20.000.000 di byte, la lettura più prudente). Riducilo, per esempio stampandolo di nuovo in PDF/A a risoluzione più bassa. Il contenuto non è stato controllato perché il file supera il limite.",
        FormatoNonAmmesso = "richiesta.allegati.formato_non_ammesso": "Formato non ammesso ({formato}). Usa PDF (meglio PDF/A), un'immagine TIFF, JPEG o PNG, o un documento docx, xlsx, odt, ods senza macro; anche firmati digitalmente (.p7m).",
        Illeggibile = "richiesta.allegati.illeggibile": "Non riusciamo a leggere il file: sceglilo di nuovo.",
        FirmatoPades = "richiesta.allegati.firmato_pades": "{formato} firmato digitalmente (PAdES)",
        FirmatoCades = "richiesta.allegati.firmato_cades": "{formato}, firmato digitalmente (CAdES, .p7m)",
        FirmatoCadesVolte = "richiesta.allegati.firmato_cades_volte": "{formato}, firmato digitalmente {buste} volte (CAdES, .p7m)",
        NomeFormato = "richiesta.allegati.nome_formato": "Il file è {formato}",
        NomeFormatoFirmato = "richiesta.allegati.nome_formato_firmato": "È un file firmato digitalmente (CAdES) che contiene {formato}",
        NomeSbagliato = "richiesta.allegati.nome_sbagliato": "{cosa}, ma il nome «{nome}» non lo dice: CIVIS riconosce il formato dal nome, e scarta i file il cui nome non corrisponde al contenuto. Chiamalo, per esempio, «{atteso}».",
        FormatoPdf = "richiesta.formato.pdf": "PDF",
        FormatoTiff = "richiesta.formato.tiff": "immagine TIFF",
        FormatoJpeg = "richiesta.formato.jpeg": "immagine JPEG",
        FormatoPng = "richiesta.formato.png": "immagine PNG",
        FormatoDocx = "richiesta.formato.docx": "documento Word (docx)",
        FormatoXlsx = "richiesta.formato.xlsx": "foglio Excel (xlsx)",
        FormatoOfficeMacro = "richiesta.formato.office_macro": "documento Office con macro",
        FormatoAltroOffice = "richiesta.formato.altro_office": "presentazione o altro documento Office",
        FormatoOdt = "richiesta.formato.odt": "documento OpenDocument (odt)",
        FormatoOds = "richiesta.formato.ods": "foglio OpenDocument (ods)",
        FormatoAltroOdf = "richiesta.formato.altro_odf": "altro documento OpenDocument",
        FormatoZip = "richiesta.formato.zip": "archivio ZIP",
        FormatoSconosciuto = "richiesta.formato.sconosciuto": "formato non riconosciuto",
        UnPdf = "richiesta.formato.un.pdf": "un PDF",
        UnTiff = "richiesta.formato.un.tiff": "un'immagine TIFF",
        UnJpeg = "richiesta.formato.un.jpeg": "un'immagine JPEG",
        UnPng = "richiesta.formato.un.png": "un'immagine PNG",
        UnDocx = "richiesta.formato.un.docx": "un documento Word (docx)",
        UnXlsx = "richiesta.formato.un.xlsx": "un foglio Excel (xlsx)",
        UnOfficeMacro = "richiesta.formato.un.office_macro": "un documento Office con macro",
        UnAltroOffice = "richiesta.formato.un.altro_office": "una presentazione o altro documento Office",
        UnOdt = "richiesta.formato.un.odt": "un documento OpenDocument (odt)",
        UnOds = "richiesta.formato.un.ods": "un foglio OpenDocument (ods)",
        UnAltroOdf = "richiesta.formato.un.altro_odf": "un altro documento OpenDocument",
        UnZip = "richiesta.formato.un.zip": "un archivio ZIP",
        UnSconosciuto = "richiesta.formato.un.sconosciuto": "un formato non riconosciuto",
        // The attachments: what the parsers found.
        Danneggiato = "richiesta.rilievo.danneggiato": "Il file è danneggiato: non riusciamo ad aprirlo. Salvalo di nuovo o stampalo in PDF/A.",
        Sovrapposto = "richiesta.rilievo.sovrapposto": "Il file ha una struttura anomala (parti sovrapposte o ripetute), tipica dei file costruiti per bloccare i controlli. Salvalo di nuovo dal programma con cui l'hai creato, o stampalo in PDF/A.",
        TroppeVoci = "richiesta.rilievo.troppe_voci": "Il file è composto da troppe parti (più di 10.000): non riusciamo a controllarlo per intero. Stampalo in PDF/A.",
        Incompleto = "richiesta.rilievo.incompleto": "Non siamo riusciti a controllare il file per intero (dati compressi troppo grandi, o una struttura che non leggiamo): potrebbe nascondere elementi attivi. Salvalo di nuovo in PDF/A e controllalo ancora.",
        PdfCifrato = "richiesta.rilievo.pdf.cifrato": "Il PDF è cifrato o protetto: non possiamo controllarne il contenuto e CIVIS potrebbe scartarlo. Togli la protezione o stampalo di nuovo in PDF/A.",
        PdfJavascript = "richiesta.rilievo.pdf.javascript": "Il PDF contiene codice JavaScript, un elemento attivo. Stampalo di nuovo in PDF/A («Stampa» → «Salva come PDF»).",
        PdfAvvioProgrammi = "richiesta.rilievo.pdf.avvio_programmi": "Il PDF contiene un comando che avvia programmi, un elemento attivo. Stampalo di nuovo in PDF/A.",
        PdfAzioniEsterne = "richiesta.rilievo.pdf.azioni_esterne": "Il PDF contiene azioni che inviano dati o aprono altri file (invio di moduli, collegamenti ad altri documenti), elementi attivi. Stampalo di nuovo in PDF/A.",
        PdfAzioneApertura = "richiesta.rilievo.pdf.azione_apertura": "Il PDF esegue un'azione appena viene aperto (per esempio apre un indirizzo internet o un altro file), un elemento attivo. Stampalo di nuovo in PDF/A.",
        PdfAzioniAutomatiche = "richiesta.rilievo.pdf.azioni_automatiche": "Il PDF contiene azioni automatiche (eseguite all'apertura o alla chiusura), elementi attivi. Stampalo di nuovo in PDF/A.",
        PdfFileIncorporati = "richiesta.rilievo.pdf.file_incorporati": "Il PDF contiene altri file al suo interno. Allega i documenti separatamente, ciascuno come PDF.",
        PdfModuli = "richiesta.rilievo.pdf.moduli": "Il PDF contiene un modulo con campi compilabili («campi variabili»). Stampalo di nuovo in PDF/A: i campi diventano testo fisso.",
        PdfMultimedia = "richiesta.rilievo.pdf.multimedia": "Il PDF contiene contenuti multimediali attivi. Stampalo di nuovo in PDF/A.",
        PdfF24 = "richiesta.rilievo.pdf.f24": "Sembra la ricevuta di un modello F24: l'Agenzia ha già i pagamenti fatti con l'F24. Non allegarlo, a meno che l'ufficio non te lo chieda.",
        PdfDichiarazione = "richiesta.rilievo.pdf.dichiarazione": "Sembra una dichiarazione dei redditi: l'Agenzia ha già le dichiarazioni presentate. Non allegarla.",
        PdfLink = "richiesta.rilievo.pdf.link": "Il PDF contiene link a indirizzi internet. Un link che si apre solo con un clic non è un elemento attivo; se puoi, stampalo in PDF/A senza link.",
        FormuleAttive = "richiesta.rilievo.formule_attive": "Il foglio contiene formule che avviano programmi o scaricano dati da fuori (per esempio DDE, WEBSERVICE, CALL), elementi attivi. Salvalo come PDF/A: le formule diventano valori.",
        OfficeMacro = "richiesta.rilievo.office.macro": "Il documento contiene macro, elementi attivi. Salvalo come PDF/A, o come docx/xlsx senza macro.",
        OfficeMacroExcel4 = "richiesta.rilievo.office.macro_excel4": "Il foglio contiene macro di Excel 4 (fogli macro o avvio automatico), elementi attivi. Salvalo come PDF/A.",
        OfficeActivex = "richiesta.rilievo.office.activex": "Il documento contiene controlli ActiveX, elementi attivi. Salvalo come PDF/A.",
        OfficeRisorseEsterne = "richiesta.rilievo.office.risorse_esterne": "Il documento carica all'apertura qualcosa che sta fuori dal file (un modello, una pagina o un oggetto collegato). Salvalo come PDF/A.",
        OfficeOggetti = "richiesta.rilievo.office.oggetti": "Il documento contiene oggetti o file incorporati (OLE). Salvalo come PDF/A.",
        OfficeCollegamenti = "richiesta.rilievo.office.collegamenti": "Il documento contiene collegamenti ad altri file o a fonti di dati (collegamenti esterni, DDE, connessioni) che si aggiornano da soli. Salvalo come PDF/A.",
        OfficeImportati = "richiesta.rilievo.office.importati": "Il documento importa contenuti da altri formati (per esempio pagine web incorporate). Salvalo come PDF/A.",
        OfficeCampi = "richiesta.rilievo.office.campi": "Il documento contiene campi che si aggiornano da soli («campi variabili», per esempio date o riferimenti). Salvalo come PDF/A: i campi diventano testo fisso.",
        DocumentoLink = "richiesta.rilievo.documento_link": "Il documento contiene link a indirizzi internet. Un link che si apre solo con un clic non è un elemento attivo; se puoi, salvalo in PDF/A.",
        OdfMacro = "richiesta.rilievo.odf.macro": "Il documento contiene macro (Basic o script, o link che le avviano), elementi attivi. Salvalo come PDF/A.",
        OdfEventi = "richiesta.rilievo.odf.eventi": "Il documento avvia script al verificarsi di eventi (per esempio all'apertura), elementi attivi. Salvalo come PDF/A.",
        OdfDde = "richiesta.rilievo.odf.dde": "Il documento contiene collegamenti DDE ad altri programmi, che si aggiornano da soli. Salvalo come PDF/A.",
        OdfRisorseEsterne = "richiesta.rilievo.odf.risorse_esterne": "Il documento carica all'apertura qualcosa che sta fuori dal file (un'immagine, un oggetto, una sezione o una tabella collegati). Salvalo come PDF/A.",
        OdfOggetti = "richiesta.rilievo.odf.oggetti": "Il documento contiene oggetti incorporati (OLE). Salvalo come PDF/A.",
        Poliglotta = "richiesta.rilievo.poliglotta": "Il file contiene, oltre al documento che si vede, un altro file nascosto (per esempio un documento Office o un PDF): un altro programma lo aprirebbe in modo diverso, e potrebbe eseguire contenuti che non abbiamo controllato. Salvalo di nuovo dal programma con cui l'hai creato, o stampalo in PDF/A.",
        ImmagineDanneggiata = "richiesta.rilievo.immagine_danneggiata": "L'immagine è danneggiata o incompleta: non riusciamo a leggerne la struttura. Salvala di nuovo, o stampala in PDF/A.",
        ImmagineDatiInCoda = "richiesta.rilievo.immagine_dati_in_coda": "L'immagine ha dati nascosti dopo la sua fine, che i visualizzatori non mostrano. Esportala o salvala di nuovo (per esempio come PDF/A).",
        TroppeBuste = "richiesta.rilievo.troppe_buste": "Il file è firmato più di {buste} volte, una busta dentro l'altra: non riusciamo ad aprirlo fino al documento. Allega il documento firmato meno volte, o in PDF/A.",
        BustaStaccata = "richiesta.rilievo.busta_staccata": "La busta firmata (.p7m) non contiene il documento: è una firma «staccata», senza il file firmato. Allega il file .p7m che contiene il documento.",
        BustaIlleggibile = "richiesta.rilievo.busta_illeggibile": "Il file firmato (.p7m) non si apre: la busta della firma è danneggiata, o ha una struttura che non riusciamo a leggere. Firmalo di nuovo, o allega il documento in PDF/A.",
        OfficeEOdf = "richiesta.rilievo.office_e_odf": "Il file è insieme un documento Office e un documento OpenDocument: chi lo apre potrebbe leggerlo nel modo che non abbiamo controllato. Salvalo di nuovo in un solo formato, meglio PDF/A.",
        // The page: from the wizard, the choice of request.
        DalPercorso = "richiesta.pagina.dal_percorso": "Dal percorso guidato",
        CanaleConsigliato = "richiesta.pagina.canale_consigliato": "Canale consigliato: {canale}.",
        ProssimaScadenza = "richiesta.pagina.prossima_scadenza": "Prossima scadenza: {scadenza}.",
        TornaAlRisultato = "richiesta.pagina.torna_al_risultato": "Torna al risultato del percorso guidato",
        QualeRichiesta = "richiesta.pagina.quale_richiesta": "Quale richiesta prepari?",
        LaPrima = "richiesta.pagina.la_prima": "La prima richiesta (senza allegati)",
        LaSeconda = "richiesta.pagina.la_seconda": "La seconda richiesta, dopo la chiusura della prima (con allegati, dall'11 maggio 2026)",
        // Section 1.
        Sezione1 = "richiesta.atto.titolo": "1. L'atto e chi chiede",
        QualeNumero = "richiesta.atto.quale_numero": "Quale numero hai?",
        OpzioneComunicazione = "richiesta.atto.opzione.comunicazione": "Numero della comunicazione o dell'avviso telematico (13 cifre)",
        OpzioneIdentificativo = "richiesta.atto.opzione.identificativo": "Cartella: identificativo della cartella (17 cifre)",
        OpzioneCodiceAtto = "richiesta.atto.opzione.codice_atto": "Cartella: codice atto (11 cifre)",
        OpzionePartita = "richiesta.atto.opzione.partita": "Cartella: identificativo della partita di ruolo",
        AiutoComunicazione = "richiesta.atto.aiuto.comunicazione": "13 cifre, in alto sulla comunicazione o sull'avviso telematico.",
        AiutoIdentificativo = "richiesta.atto.aiuto.identificativo": "17 cifre, sulla prima pagina della cartella: puoi scriverlo con gli spazi, te lo mostriamo senza.",
        AiutoCodiceAtto = "richiesta.atto.aiuto.codice_atto": "11 cifre, sulla cartella.",
        AiutoPartita = "richiesta.atto.aiuto.partita": "Sulla cartella. La guida non ne indica il formato: controlliamo solo che ci siano lettere e cifre.",
        AiutoCodiceFiscale = "richiesta.atto.aiuto.codice_fiscale": "16 caratteri per una persona, 11 cifre per una società o un ente. Controlliamo il carattere di controllo; non ricaviamo nessun dato su di te.",
        AiutoProtocollo = "richiesta.atto.aiuto.protocollo": "13 cifre, in «Consultazione delle richieste»: le prime 8 sono la data della richiesta (anno, mese, giorno).",
        RichiestaDel = "richiesta.atto.richiesta_del": "{numero} — richiesta del {data}",
        DoveLoTrovo = "richiesta.atto.dove_lo_trovo": "Dove lo trovo?",
        Corretto = "richiesta.atto.corretto": "Corretto: in CIVIS scrivi {valore}",
        // Section 2.
        Sezione2 = "richiesta.testo.titolo": "2. Il testo della richiesta",
        TestoIntro = "richiesta.testo.intro": "In CIVIS il campo si chiama «Informazioni relative alla richiesta di assistenza» e contiene al massimo 3.000 caratteri. Scegli il motivo e compila la traccia: ti prepariamo il testo da copiare.",
        TestoInItaliano = "richiesta.testo.in_italiano": "Il testo che prepariamo è in italiano, la lingua in cui l'ufficio legge la richiesta: se puoi, scrivi anche i valori della traccia in italiano.",
        PercheSbagliata = "richiesta.testo.perche": "Perché pensi che la comunicazione sia sbagliata?",
        TracciaLegenda = "richiesta.testo.traccia": "Traccia: gli elementi che servono all'ufficio",
        Componi = "richiesta.testo.componi": "Prepara il testo dalla traccia",
        TestoDaCopiare = "richiesta.testo.da_copiare": "Il testo da copiare in CIVIS",
        RegolaConteggio = "richiesta.testo.regola_conteggio": "Contiamo come il browser e il modulo: un a capo vale 2 caratteri e un'emoji 2, così il testo non viene mai tagliato.",
        CopiaTesto = "richiesta.testo.copia": "Copia il testo",
        TestoCopiato = "richiesta.testo.copiato": "Testo copiato: incollalo nel campo di CIVIS.",
        AncoraVuoti = "richiesta.testo.ancora_vuoti": "Ancora vuoti (l'ufficio potrebbe chiederli): {campi}.",
        // Section 3.
        Sezione3 = "richiesta.allegati.titolo": "3. Gli allegati",
        Antivirus = "richiesta.allegati.antivirus": "Non possiamo riconoscere i virus: fai controllare i file dal tuo antivirus prima di inviarli.",
        ConsegnaDocumenti = "richiesta.allegati.consegna": "Consegna documenti e istanze",
        CartellaSenzaAllegati = "richiesta.allegati.cartella": "Per le cartelle la seconda richiesta non c'è, e quindi nemmeno gli allegati. Se l'ufficio ti chiede documenti, mandali con il servizio {consegna}.",
        PrimaSenzaAllegati = "richiesta.allegati.prima": "Nella prima richiesta CIVIS non si allegano documenti. Se l'ufficio te li chiede, mandali con il servizio {consegna}.",
        SecondaAllegati = "richiesta.allegati.seconda": "Nella seconda richiesta puoi allegare fino a 10 file di 20 MB al massimo ciascuno (contiamo 20.000.000 di byte, la lettura più prudente). Un solo file con macro, campi variabili o un formato non ammesso fa scartare tutta la richiesta: controllali qui prima di inviarli. I file restano sul tuo dispositivo: li leggiamo nel browser, non li inviamo.",
        ScegliFile = "richiesta.allegati.scegli": "Scegli i file da allegare",
        ControlloInCorso = "richiesta.allegati.in_corso": "Controllo in corso: {letti} file su {quanti}…",
        ControllatiTutti = "richiesta.allegati.tutti": "Controllati {quanti} file: si possono allegare tutti.",
        ControllatiDaSistemare = "richiesta.allegati.da_sistemare": "Controllati {quanti} file: {n} da sistemare.",
        SiPuoAllegare = "richiesta.allegati.si_puo": "si può allegare",
        DaSistemare = "richiesta.allegati.file_da_sistemare": "da sistemare",
        // Section 4.
        Sezione4 = "richiesta.riepilogo.titolo": "4. Riepilogo da tenere accanto a CIVIS",
        Pronta = "richiesta.riepilogo.pronta": "Tutto in ordine: puoi inviare la richiesta in CIVIS.",
        NonPronta = "richiesta.riepilogo.non_pronta": "Prima di inviare sistema i punti segnati qui sotto.",
        RichiestaSecondaCartella = "richiesta.riepilogo.seconda_cartella": "Richiesta: seconda richiesta CIVIS, che per le cartelle non esiste.",
        RichiestaSeconda = "richiesta.riepilogo.seconda": "Richiesta: seconda richiesta CIVIS, con allegati.",
        RichiestaPrima = "richiesta.riepilogo.prima": "Richiesta: prima richiesta CIVIS, senza allegati.",
        ScadenzaDaRispettare = "richiesta.riepilogo.scadenza": "Scadenza da rispettare: {scadenza}.",
        Allegati = "richiesta.riepilogo.allegati": "Allegati",
        Nessuno = "richiesta.riepilogo.nessuno": "Nessuno.",
        EmailNominativo = "richiesta.riepilogo.email": "Indirizzo e-mail e nominativo di riferimento",
        EmailNominativoNota = "richiesta.riepilogo.email_nota": "Obbligatori in CIVIS: li scrivi direttamente nel modulo. Qui non li chiediamo.",
        Stampa = "richiesta.riepilogo.stampa": "Stampa il riepilogo",
        Riservatezza = "richiesta.riepilogo.riservatezza": "Quello che scrivi in questa pagina resta nel tuo browser: non viene inviato né salvato. Chiudendo la pagina si cancella.",
    }
}

/// A value a message is filled with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Valore {
    /// A text or a number, as it is (what the person typed, a count).
    Testo(String),
    /// One of the tool's words, in the reader's language (a format's name, which number is wrong).
    Parola(R),
    /// A sentence within the sentence (what a file is, before what is wrong with its name).
    Frase(Box<Messaggio>),
}

/// A message of a check as data: which sentence, filled with what. Shown in the page's language; `Display` writes
/// the Italian (the CLI's and the tests' language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Messaggio {
    /// The sentence.
    pub parola: R,
    /// What fills its `{name}`.
    pub valori: Vec<(&'static str, Valore)>,
}

impl Messaggio {
    /// The sentence with `{nome}` filled with `valore`, as it is.
    pub fn con(mut self, nome: &'static str, valore: impl fmt::Display) -> Messaggio {
        self.valori.push((nome, Valore::Testo(valore.to_string())));
        self
    }

    /// The sentence with `{nome}` filled with one of the tool's words.
    pub fn con_parola(mut self, nome: &'static str, parola: R) -> Messaggio {
        self.valori.push((nome, Valore::Parola(parola)));
        self
    }

    /// The sentence with `{nome}` filled with another sentence, in the same language.
    pub fn con_frase(mut self, nome: &'static str, frase: Messaggio) -> Messaggio {
        self.valori.push((nome, Valore::Frase(Box::new(frase))));
        self
    }
}

impl From<R> for Messaggio {
    fn from(parola: R) -> Messaggio {
        Messaggio { parola, valori: Vec::new() }
    }
}

impl fmt::Display for Messaggio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Parole::italiano().scrivi(self))
    }
}

/// The tool's words in one language (`Parole(Lingua::di(…))`, in the order of [`R`], as a language's script lists
/// them): the language's own, Italian where it has none. Its code and the rest are its [`Lingua`]'s.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parole(pub Lingua);

impl std::ops::Deref for Parole {
    type Target = Lingua;
    fn deref(&self) -> &Lingua {
        &self.0
    }
}

impl Parole {
    /// The Italian words.
    pub fn italiano() -> Parole {
        Parole(Lingua::italiano())
    }

    /// One word or sentence, unfilled.
    pub fn t(&self, r: R) -> &str {
        self.0.testo(r as usize, ITALIANO[r as usize])
    }

    /// A sentence with its `{name}` filled with texts.
    pub fn f(&self, r: R, valori: &[(&str, &str)]) -> String {
        civis_core::testi::riempi(self.t(r), valori)
    }

    /// A check's message in these words.
    pub fn scrivi(&self, m: &Messaggio) -> String {
        let frasi: Vec<String> = m
            .valori
            .iter()
            .map(|(_, v)| match v {
                Valore::Frase(f) => self.scrivi(f),
                _ => String::new(),
            })
            .collect();
        let scritti: Vec<(&str, &str)> = m
            .valori
            .iter()
            .zip(&frasi)
            .map(|((k, v), frase)| match v {
                Valore::Testo(t) => (*k, t.as_str()),
                Valore::Parola(r) => (*k, self.t(*r)),
                Valore::Frase(_) => (*k, frase.as_str()),
            })
            .collect();
        self.f(m.parola, &scritti)
    }
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn every_word_has_one_key_and_a_text() {
        assert_eq!(CHIAVI.len(), ITALIANO.len());
        let mut chiavi = CHIAVI.to_vec();
        chiavi.sort_unstable();
        chiavi.dedup();
        assert_eq!(chiavi.len(), CHIAVI.len(), "a key is repeated");
        assert!(CHIAVI.iter().all(|k| k.starts_with("richiesta.")));
        assert!(ITALIANO.iter().all(|t| !t.trim().is_empty()));
    }

    #[test]
    fn a_message_reads_in_the_language_with_its_words_and_falls_back_to_italian() {
        let m = Messaggio::from(R::FormatoNonAmmesso).con_parola("formato", R::FormatoZip);
        assert!(m.to_string().starts_with("Formato non ammesso (archivio ZIP)."), "{m}");
        let mut testi = vec![None; CHIAVI.len()];
        testi[R::FormatoNonAmmesso as usize] = Some("Format not accepted ({formato}).".to_string());
        testi[R::FormatoZip as usize] = Some("ZIP archive".to_string());
        let en = Parole(Lingua::di("en", testi));
        assert_eq!(en.scrivi(&m), "Format not accepted (ZIP archive).");
        let cf = Messaggio::from(R::CfLunghezza).con("n", 3);
        assert_eq!(en.scrivi(&cf), "Il codice fiscale di una persona ha 16 caratteri: ne hai scritti 3.");
    }
}
