/// A published source that a clinical fact, rule or protocol in Acuback rests on.
public struct ClinicalSource: Sendable, Hashable, Codable, Identifiable {
    /// Short key used in data files and findings, e.g. "Haake2007".
    public let id: String
    public let citation: String
    /// A DOI or stable address, when there is one.
    public let link: String?

    public init(id: String, citation: String, link: String? = nil) {
        self.id = id
        self.citation = citation
        self.link = link
    }
}

/// Every source Acuback cites, in one place so that a citation is written once.
public enum ClinicalSources {
    public static let who2008 = ClinicalSource(
        id: "WHO2008",
        citation: "World Health Organization Regional Office for the Western Pacific. WHO Standard Acupuncture Point Locations in the Western Pacific Region. Manila: WHO; 2008.")
    public static let haake2007 = ClinicalSource(
        id: "Haake2007",
        citation: "Haake M, Müller HH, Schade-Brittinger C, et al. German Acupuncture Trials (GERAC) for chronic low back pain: randomized, multicenter, blinded, parallel-group trial with 3 groups. Arch Intern Med. 2007;167(17):1892-1898.",
        link: "https://doi.org/10.1001/archinte.167.17.1892")
    public static let cherkin2009 = ClinicalSource(
        id: "Cherkin2009",
        citation: "Cherkin DC, Sherman KJ, Avins AL, et al. A randomized trial comparing acupuncture, simulated acupuncture, and usual care for chronic low back pain. Arch Intern Med. 2009;169(9):858-866.",
        link: "https://doi.org/10.1001/archinternmed.2009.65")
    public static let brinkhaus2006 = ClinicalSource(
        id: "Brinkhaus2006",
        citation: "Brinkhaus B, Witt CM, Jena S, et al. Acupuncture in patients with chronic low back pain: a randomized controlled trial. Arch Intern Med. 2006;166(4):450-457.",
        link: "https://doi.org/10.1001/archinte.166.4.450")
    public static let witt2009 = ClinicalSource(
        id: "Witt2009",
        citation: "Witt CM, Pach D, Brinkhaus B, et al. Safety of acupuncture: results of a prospective observational study with 229,230 patients and introduction of a medical information and consent form. Forsch Komplementmed. 2009;16(2):91-97.",
        link: "https://doi.org/10.1159/000209315")
    public static let macPherson2005 = ClinicalSource(
        id: "MacPherson2005",
        citation: "MacPherson H, Thomas K. Short term reactions to acupuncture - a cross-sectional survey of patient reports. Acupunct Med. 2005;23(3):112-120.",
        link: "https://doi.org/10.1136/aim.23.3.112")
    public static let white2001 = ClinicalSource(
        id: "White2001",
        citation: "White A, Hayhoe S, Hart A, Ernst E. Adverse events following acupuncture: prospective survey of 32 000 consultations with doctors and physiotherapists. BMJ. 2001;323(7311):485-486.",
        link: "https://doi.org/10.1136/bmj.323.7311.485")
    public static let stricta2010 = ClinicalSource(
        id: "STRICTA2010",
        citation: "MacPherson H, Altman DG, Hammerschlag R, et al. Revised STandards for Reporting Interventions in Clinical Trials of Acupuncture (STRICTA): extending the CONSORT statement. PLoS Med. 2010;7(6):e1000261.",
        link: "https://doi.org/10.1371/journal.pmed.1000261")
    public static let farrar2001 = ClinicalSource(
        id: "Farrar2001",
        citation: "Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain. 2001;94(2):149-158.",
        link: "https://doi.org/10.1016/S0304-3959(01)00349-9")
    public static let ostelo2008 = ClinicalSource(
        id: "Ostelo2008",
        citation: "Ostelo RWJG, Deyo RA, Stratford P, et al. Interpreting change scores for pain and functional status in low back pain: towards international consensus regarding minimal important change. Spine. 2008;33(1):90-94.",
        link: "https://doi.org/10.1097/BRS.0b013e31815e3a10")

    public static let who1991 = ClinicalSource(
        id: "WHO1991",
        citation: "WHO Scientific Group on International Acupuncture Nomenclature. A Proposed Standard International Acupuncture Nomenclature. Geneva: World Health Organization; 1991.")
    public static let who1999 = ClinicalSource(
        id: "WHO1999",
        citation: "World Health Organization. Guidelines on basic training and safety in acupuncture. Geneva: WHO; 1999. WHO/EDM/TRM/99.1.")
    public static let cheng1999 = ClinicalSource(
        id: "Cheng1999",
        citation: "Cheng Xinnong (ed.). Chinese Acupuncture and Moxibustion. Revised edition. Beijing: Foreign Languages Press; 1999.")
    public static let chen2018 = ClinicalSource(
        id: "Chen2018",
        citation: "Chen HN, Chang CY, Chen LZ, Chang YJ, Lin JG. Using ultrasonography measurements to determine the depth of the GB 21 acupoint to prevent pneumothorax. J Acupunct Meridian Stud. 2018;11(6):355-360.")
    public static let lin2013 = ClinicalSource(
        id: "Lin2013",
        citation: "Lin JG, Chou PC, Chu HY. An exploration of the needling depth in acupuncture: the safe needling depth and the needling depth of clinical efficacy. Evid Based Complement Alternat Med. 2013;2013:740508.",
        link: "https://doi.org/10.1155/2013/740508")
    public static let gbt13734 = ClinicalSource(
        id: "GBT13734",
        citation: "Standardization Administration of China. GB/T 13734-2008 Nomenclature and location of auricular points. Beijing; 2008.")
    public static let betts2011 = ClinicalSource(
        id: "Betts2011",
        citation: "Betts D, Budd S. 'Forbidden points' in pregnancy: historical wisdom? Acupunct Med. 2011;29(2):137-139.")
    public static let mcCulloch2015 = ClinicalSource(
        id: "McCulloch2015",
        citation: "McCulloch M, Nachat A, Schwartz J, Casella-Gordon V, Cook J. Acupuncture safety in patients receiving anticoagulants: a systematic review. Perm J. 2015;19(1):68-73.",
        link: "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4315381/")

    public static let cummings2011 = ClinicalSource(
        id: "Cummings2011",
        citation: "Cummings M. Safety aspects of electroacupuncture. Acupunct Med. 2011;29:83.")

    public static let verhagen2016 = ClinicalSource(
        id: "Verhagen2016",
        citation: "Verhagen AP, Downie A, Popal N, Maher C, Koes BW. Red flags presented in current low back pain guidelines: a review. Eur Spine J. 2016;25(9):2788-2802.",
        link: "https://doi.org/10.1007/s00586-016-4684-0")
    public static let finucane2020 = ClinicalSource(
        id: "Finucane2020",
        citation: "Finucane LM, Downie A, Mercer C, et al. International framework for red flags for potential serious spinal pathologies. J Orthop Sports Phys Ther. 2020;50(7):350-372.",
        link: "https://doi.org/10.2519/jospt.2020.9971")

    /// For the few rules that follow common clinical practice without one published source; the
    /// finding says so openly rather than borrowing a citation that does not cover it.
    public static let practiceRule = ClinicalSource(
        id: "PracticeRule",
        citation: "Acuback practice rule: common clinical practice with no single published source; review it against local guidance.")

    public static let all: [ClinicalSource] = [
        who2008, who1991, who1999, haake2007, cherkin2009, brinkhaus2006, witt2009, macPherson2005, white2001,
        stricta2010, farrar2001, ostelo2008, cheng1999, chen2018, lin2013, gbt13734, betts2011, mcCulloch2015, cummings2011, verhagen2016,
        finucane2020, practiceRule,
    ]

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })

    public static func source(id: String) -> ClinicalSource? {
        byID[id]
    }
}
