"""The course bibliography: every number in :mod:`mgdlearn` cites a key from here.

Examples
--------
>>> from mgdlearn.bibliography import cite
>>> cite("heaney2003").short
'Heaney et al. 2003'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, Mapping


@dataclass(frozen=True)
class Reference:
    """One bibliography entry.

    Attributes
    ----------
    key : str
        Short identifier used in data files and parameter tables (``"heaney2003"``).
    authors : str
        Author list as printed (``"Heaney RP, Davies KM, ..."``).
    year : int
        Year of publication.
    title : str
        Title of the article, report or web page.
    venue : str
        Journal with volume and pages, publisher or web site.
    url : str
        DOI link or stable URL ("" if none).
    """

    key: str
    authors: str
    year: int
    title: str
    venue: str
    url: str = ""

    @property
    def short(self) -> str:
        """Author-year label such as ``"Heaney et al. 2003"`` or ``"Institute of Medicine 2011"``."""
        first = self.authors.split(",")[0].strip()
        words = first.split()
        person = len(words) > 1 and re.fullmatch(r"[A-Z]{1,4}", words[-1]) is not None
        if person:  # "Heaney RP" -> "Heaney"; corporate authors are kept whole
            first = " ".join(words[:-1])
        else:
            first = self.authors if len(self.authors) < 60 else first
        many = person and "," in self.authors
        return f"{first}{' et al.' if many else ''} {self.year}"

    def __str__(self) -> str:
        link = f" {self.url}" if self.url else ""
        return f"{self.authors} ({self.year}). {self.title}. {self.venue}.{link}"


def _r(key: str, authors: str, year: int, title: str, venue: str, url: str = "") -> tuple[str, Reference]:
    return key, Reference(key, authors, year, title, venue, url)


REFERENCES: Mapping[str, Reference] = MappingProxyType(dict([
    # --- Pathway and kinetics -------------------------------------------------------------
    _r("holick2007", "Holick MF", 2007, "Vitamin D deficiency",
       "N Engl J Med 357:266-281", "https://doi.org/10.1056/NEJMra070553"),
    _r("bikle2014", "Bikle DD", 2014, "Vitamin D metabolism, mechanism of action, and clinical applications",
       "Chem Biol 21:319-329", "https://doi.org/10.1016/j.chembiol.2013.12.016"),
    _r("zhu2013", "Zhu JG, Ochalek JT, Kaufmann M, Jones G, DeLuca HF", 2013,
       "CYP2R1 is a major, but not exclusive, contributor to 25-hydroxyvitamin D production in vivo",
       "Proc Natl Acad Sci USA 110:15650-15655", "https://doi.org/10.1073/pnas.1315006110"),
    _r("jones2012", "Jones G, Prosser DE, Kaufmann M", 2012,
       "25-Hydroxyvitamin D-24-hydroxylase (CYP24A1): its important role in the degradation of vitamin D",
       "Arch Biochem Biophys 523:9-18", "https://doi.org/10.1016/j.abb.2011.11.003"),
    _r("jones2008", "Jones G", 2008, "Pharmacokinetics of vitamin D toxicity",
       "Am J Clin Nutr 88:582S-586S", "https://doi.org/10.1093/ajcn/88.2.582S"),
    _r("jones2014", "Jones KS, Assar S, Harnpanich D, Bouillon R, Lambrechts D, Prentice A, Schoenmakers I", 2014,
       "25(OH)D2 half-life is shorter than 25(OH)D3 half-life and is influenced by DBP concentration and genotype",
       "J Clin Endocrinol Metab 99:3373-3381", "https://doi.org/10.1210/jc.2014-1714"),
    _r("heaney2003", "Heaney RP, Davies KM, Chen TC, Holick MF, Barger-Lux MJ", 2003,
       "Human serum 25-hydroxycholecalciferol response to extended oral dosing with cholecalciferol",
       "Am J Clin Nutr 77:204-210", "https://doi.org/10.1093/ajcn/77.1.204"),
    _r("heaney2013", "Heaney RP, Armas LAG, French C", 2013,
       "All-source basal vitamin D inputs are greater than previously thought and cutaneous inputs are smaller",
       "J Nutr 143:1971-1976", "https://doi.org/10.3945/jn.113.176370"),
    _r("barger_lux1998", "Barger-Lux MJ, Heaney RP, Dowell S, Chen TC, Holick MF", 1998,
       "Vitamin D and its major metabolites: serum levels after graded oral dosing in healthy men",
       "Osteoporos Int 8:222-230", "https://doi.org/10.1007/s001980050058"),
    _r("ekwaru2014", "Ekwaru JP, Zwicker JD, Holick MF, Giovannucci E, Veugelers PJ", 2014,
       "The importance of body weight for the dose response relationship of oral vitamin D supplementation",
       "PLoS One 9:e111265", "https://doi.org/10.1371/journal.pone.0111265"),
    _r("wortsman2000", "Wortsman J, Matsuoka LY, Chen TC, Lu Z, Holick MF", 2000,
       "Decreased bioavailability of vitamin D in obesity", "Am J Clin Nutr 72:690-693",
       "https://doi.org/10.1093/ajcn/72.3.690"),
    _r("ilahi2008", "Ilahi M, Armas LAG, Heaney RP", 2008,
       "Pharmacokinetics of a single, large dose of cholecalciferol", "Am J Clin Nutr 87:688-691",
       "https://doi.org/10.1093/ajcn/87.3.688"),
    _r("webb1988", "Webb AR, Kline L, Holick MF", 1988,
       "Influence of season and latitude on the cutaneous synthesis of vitamin D3",
       "J Clin Endocrinol Metab 67:373-378", "https://doi.org/10.1210/jcem-67-2-373"),
    # --- Reference values and guidelines ---------------------------------------------------
    _r("iom1997", "Institute of Medicine", 1997,
       "Dietary Reference Intakes for Calcium, Phosphorus, Magnesium, Vitamin D, and Fluoride",
       "National Academies Press, Washington DC", "https://doi.org/10.17226/5776"),
    _r("iom2011", "Institute of Medicine", 2011, "Dietary Reference Intakes for Calcium and Vitamin D",
       "National Academies Press, Washington DC", "https://doi.org/10.17226/13050"),
    _r("ods_vitd", "NIH Office of Dietary Supplements", 2024, "Vitamin D: Fact Sheet for Health Professionals",
       "National Institutes of Health", "https://ods.od.nih.gov/factsheets/VitaminD-HealthProfessional/"),
    _r("ods_mg", "NIH Office of Dietary Supplements", 2022, "Magnesium: Fact Sheet for Health Professionals",
       "National Institutes of Health", "https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/"),
    _r("ods_ca", "NIH Office of Dietary Supplements", 2024, "Calcium: Fact Sheet for Health Professionals",
       "National Institutes of Health", "https://ods.od.nih.gov/factsheets/Calcium-HealthProfessional/"),
    _r("holick2011", "Holick MF, Binkley NC, Bischoff-Ferrari HA, et al.", 2011,
       "Evaluation, treatment, and prevention of vitamin D deficiency: an Endocrine Society clinical practice guideline",
       "J Clin Endocrinol Metab 96:1911-1930", "https://doi.org/10.1210/jc.2011-0385"),
    _r("demay2024", "Demay MB, Pittas AG, Bikle DD, et al.", 2024,
       "Vitamin D for the prevention of disease: an Endocrine Society clinical practice guideline",
       "J Clin Endocrinol Metab 109:1907-1947", "https://doi.org/10.1210/clinem/dgae290"),
    _r("usda_fdc", "US Department of Agriculture, Agricultural Research Service", 2024, "FoodData Central",
       "USDA ARS", "https://fdc.nal.usda.gov/"),
    _r("usda_sr28", "US Department of Agriculture, Agricultural Research Service", 2015,
       "USDA National Nutrient Database for Standard Reference, Release 28",
       "Nutrient Data Laboratory", "https://www.ars.usda.gov/SP2UserFiles/Place/12354500/Data/SR/SR28/dnload/sr28asc.zip"),
    _r("ciaaw", "Prohaska T, Irrgeher J, Benefield J, et al.", 2022,
       "Standard atomic weights of the elements 2021 (IUPAC Technical Report)",
       "Pure Appl Chem 94:573-600", "https://doi.org/10.1515/pac-2019-0603"),
    _r("pubchem", "National Center for Biotechnology Information", 2024,
       "PubChem compound summaries: calcifediol (CID 5283731), calcitriol (CID 5280453)",
       "National Library of Medicine", "https://pubchem.ncbi.nlm.nih.gov/"),
    _r("pubchem_d3", "National Center for Biotechnology Information", 2024,
       "PubChem compound summary: cholecalciferol, vitamin D3 (CID 5280795), molar mass 384.6 g/mol",
       "National Library of Medicine", "https://pubchem.ncbi.nlm.nih.gov/compound/5280795"),
    _r("sai2011", "Sai AJ, Walters RW, Fang X, Gallagher JC", 2011,
       "Relationship between vitamin D, parathyroid hormone, and bone health",
       "J Clin Endocrinol Metab 96:E436-E446", "https://pmc.ncbi.nlm.nih.gov/articles/PMC3047227/"),
    # --- Magnesium and vitamin D -----------------------------------------------------------
    _r("uwitonze2018", "Uwitonze AM, Razzaque MS", 2018, "Role of magnesium in vitamin D activation and function",
       "J Am Osteopath Assoc 118:181-189", "https://doi.org/10.7556/jaoa.2018.037"),
    _r("debaaij2015", "de Baaij JHF, Hoenderop JGJ, Bindels RJM", 2015, "Magnesium in man: implications for health and disease",
       "Physiol Rev 95:1-46", "https://doi.org/10.1152/physrev.00012.2014"),
    _r("rude1985", "Rude RK, Adams JS, Ryzen E, et al.", 1985,
       "Low serum concentrations of 1,25-dihydroxyvitamin D in human magnesium deficiency",
       "J Clin Endocrinol Metab 61:933-940", "https://doi.org/10.1210/jcem-61-5-933"),
    _r("fatemi1991", "Fatemi S, Ryzen E, Flores J, Endres DB, Rude RK", 1991,
       "Effect of experimental human magnesium depletion on parathyroid hormone secretion and 1,25-dihydroxyvitamin D metabolism",
       "J Clin Endocrinol Metab 73:1067-1072", "https://doi.org/10.1210/jcem-73-5-1067"),
    _r("reddy1974", "Reddy V, Sivakumar B", 1974, "Magnesium-dependent vitamin-D-resistant rickets",
       "Lancet 1:963-965", "https://doi.org/10.1016/S0140-6736(74)91265-3"),
    _r("krejs1983", "Krejs GJ, Nicar MJ, Zerwekh JE, Norman DA, Kane MG, Pak CY", 1983,
       "Effect of 1,25-dihydroxyvitamin D3 on calcium and magnesium absorption in the healthy human jejunum and ileum",
       "Am J Med 75:973-976", "https://doi.org/10.1016/0002-9343(83)90877-X"),
    _r("wilz1979", "Wilz DR, Gray RW, Dominguez JH, Lemann J", 1979,
       "Plasma 1,25-(OH)2-vitamin D concentrations and net intestinal calcium, phosphate, and magnesium absorption in humans",
       "Am J Clin Nutr 32:2052-2060", "https://doi.org/10.1093/ajcn/32.10.2052"),
    _r("deng2013", "Deng X, Song Y, Manson JE, et al.", 2013,
       "Magnesium, vitamin D status and mortality: results from US National Health and Nutrition Examination Survey (NHANES) 2001 to 2006 and NHANES III",
       "BMC Med 11:187", "https://doi.org/10.1186/1741-7015-11-187"),
    _r("dai2018", "Dai Q, Zhu X, Manson JE, et al.", 2018,
       "Magnesium status and supplementation influence vitamin D status and metabolism: results from a randomized trial",
       "Am J Clin Nutr 108:1249-1258", "https://doi.org/10.1093/ajcn/nqy274"),
    _r("rosanoff2016", "Rosanoff A, Dai Q, Shapses SA", 2016,
       "Essential nutrient interactions: does low or suboptimal magnesium status interact with vitamin D and/or calcium status?",
       "Adv Nutr 7:25-43", "https://doi.org/10.3945/an.115.008631"),
    _r("cheung2022", "Cheung MM, DeLuccia R, Ramadoss RK, et al. (Sukumar D, senior author)", 2022,
       "Low dose magnesium and vitamin D supplementation in overweight and obese adults: a randomized controlled trial",
       "journal to be verified (reported as Nutrition); small 12-week RCT, n = 95", ""),
    _r("terbraake2018", "ter Braake AD, Tinnemans PT, Shanahan CM, Hoenderop JGJ, de Baaij JHF", 2018,
       "Magnesium prevents vascular calcification in vitro by inhibition of hydroxyapatite crystal formation",
       "Sci Rep 8:2069", "https://doi.org/10.1038/s41598-018-20241-3"),
    _r("sakaguchi2019", "Sakaguchi Y, Hamano T, Obi Y, et al.", 2019,
       "A randomized trial of magnesium oxide and oral carbon adsorbent for coronary artery calcification in predialysis CKD",
       "J Am Soc Nephrol 30:1073-1085", "https://doi.org/10.1681/ASN.2018111150"),
    _r("bressendorff2023", "Bressendorff I, Hansen D, Schou M, et al.", 2023,
       "The effect of magnesium supplementation on vascular calcification in CKD: a randomized clinical trial (MAGiCAL-CKD)",
       "J Am Soc Nephrol 34:886-894", "https://doi.org/10.1681/ASN.0000000000000092"),
    _r("vetter2002", "Vetter T, Lohse MJ", 2002, "Magnesium and the parathyroid",
       "Curr Opin Nephrol Hypertens 11:403-410", ""),
    _r("takatsuki1980", "Takatsuki K, Hanley DA, Sherwood LM", 1980,
       "Effects of magnesium ion on parathyroid hormone secretion in vitro",
       "Calcif Tissue Int 32:201-206", "https://doi.org/10.1007/BF02408542"),
    _r("adams1979", "Adams ND, Gray RW, Lemann J Jr", 1979,
       "The effects of oral CaCO3 loading and dietary calcium deprivation on plasma 1,25-dihydroxyvitamin D concentrations in healthy adults",
       "J Clin Endocrinol Metab 48:1008-1016", "https://doi.org/10.1210/jcem-48-6-1008"),
    # --- Causes and dangers of abnormal magnesium, calcium and vitamin D -------------------
    _r("fda_ppi2011", "US Food and Drug Administration", 2011,
       "FDA Drug Safety Communication: Low magnesium levels can be associated with long-term use of proton pump inhibitor drugs (PPIs)",
       "FDA, 2 March 2011",
       "https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-low-magnesium-levels-can-be-associated-long-term-use-proton-pump"),
    _r("agus1999", "Agus ZS", 1999, "Hypomagnesemia", "J Am Soc Nephrol 10:1616-1622",
       "https://doi.org/10.1681/ASN.V1071616"),
    _r("pham2014", "Pham PC, Pham PA, Pham SV, Pham PT, Pham PM, Pham PT", 2014, "Hypomagnesemia: a clinical perspective",
       "Int J Nephrol Renovasc Dis 7:219-230", "https://doi.org/10.2147/IJNRD.S42054"),
    _r("swaminathan2003", "Swaminathan R", 2003, "Magnesium metabolism and its disorders",
       "Clin Biochem Rev 24:47-66", "https://pmc.ncbi.nlm.nih.gov/articles/PMC1855626/"),
    # (case studies, exercises/08: PPI-associated hypomagnesaemia, urine magnesium tests)
    _r("zipursky2014", "Zipursky J, Macdonald EM, Hollands S, Gomes T, Mamdani MM, Paterson JM, Lathia N, Juurlink DN",
       2014, "Proton pump inhibitors and hospitalization with hypomagnesemia: a population-based case-control study",
       "PLoS Med 11:e1001736", "https://doi.org/10.1371/journal.pmed.1001736"),
    _r("janett2015", "Janett S, Camozzi P, Peeters GGAM, Lava SAG, Simonetti GD, Goeggel Simonetti B, Bianchetti MG, "
       "Milani GP", 2015, "Hypomagnesemia induced by long-term treatment with proton-pump inhibitors",
       "Gastroenterol Res Pract 2015:951768", "https://doi.org/10.1155/2015/951768"),
    _r("toh2015", "Toh JWT, Ong E, Wilson R", 2015,
       "Hypomagnesaemia associated with long-term use of proton pump inhibitors",
       "Gastroenterol Rep 3:243-253", "https://doi.org/10.1093/gastro/gou054"),
    _r("sivakumar2016", "Sivakumar J", 2016,
       "Proton pump inhibitor-induced hypomagnesaemia and hypocalcaemia: case review",
       "Int J Physiol Pathophysiol Pharmacol 8:169-174", ""),
    _r("clinlabnavigator_umg", "ClinLab Navigator", 2026,
       "Magnesium in urine (test interpretation; cites Tucker BM et al., Urinary magnesium in the evaluation of "
       "hypomagnesemia, JAMA, published online 30 October 2020, which was not read for this course)",
       "ClinLab Navigator (web page, read December 2026)",
       "https://clinlabnavigator.com/test-interpretations/test-interpretations-1/magnesium-in-urine.html"),
    # --- Phosphate, FGF23 and kidney function ----------------------------------------------
    _r("isakova2011", "Isakova T, Wahl P, Vargas GS, et al.", 2011,
       "Fibroblast growth factor 23 is elevated before parathyroid hormone and phosphate in chronic kidney disease",
       "Kidney Int 79:1370-1378", "https://doi.org/10.1038/ki.2011.47"),
    _r("heijboer2022", "Heijboer AC, Cavalier E", 2022,
       "The measurement and interpretation of fibroblast growth factor 23 (FGF23) concentrations",
       "Calcif Tissue Int 112:258-270", "https://doi.org/10.1007/s00223-022-00987-9"),
    _r("kdoqi2003", "National Kidney Foundation", 2003,
       "K/DOQI clinical practice guidelines for bone metabolism and disease in chronic kidney disease",
       "Am J Kidney Dis 42(4 Suppl 3):S1-S201", ""),
    _r("kdigo2012", "Kidney Disease: Improving Global Outcomes (KDIGO) CKD Work Group", 2013,
       "KDIGO 2012 clinical practice guideline for the evaluation and management of chronic kidney disease",
       "Kidney Int Suppl 3:1-150", ""),
    _r("medlineplus_p", "MedlinePlus, National Library of Medicine", 2024, "Phosphorus blood test",
       "MedlinePlus Medical Encyclopedia", "https://medlineplus.gov/ency/article/003478.htm"),
    # --- Models ----------------------------------------------------------------------------
    _r("peterson2010", "Peterson MC, Riggs MM", 2010,
       "A physiologically based mathematical model of integrated calcium homeostasis and bone remodeling",
       "Bone 46:49-63", "https://doi.org/10.1016/j.bone.2009.08.053"),
    _r("raposo2002", "Raposo JF, Sobrinho LG, Ferreira HG", 2002,
       "A minimal mathematical model of calcium homeostasis", "J Clin Endocrinol Metab 87:4330-4340",
       "https://doi.org/10.1210/jc.2002-011870"),
    _r("shrestha2010", "Shrestha RP, Hollot CV, Chipkin SR, Schmidt CP, Chait Y", 2010,
       "A mathematical model of parathyroid hormone response to acute changes in plasma ionized calcium concentration in humans",
       "Math Biosci 226:46-57", "https://doi.org/10.1016/j.mbs.2010.04.001"),
    # --- Units, laboratory ranges and grading (added with units.py / reference_values.py) -----------
    _r("uniprot_pth", "The UniProt Consortium", 2024,
       "P01270 (PTHY_HUMAN): parathyroid hormone; mature PTH(1-84) chain, about 9.4 kDa",
       "UniProtKB", "https://www.uniprot.org/uniprotkb/P01270/entry"),
    _r("iupac_goldbook", "International Union of Pure and Applied Chemistry", 2019,
       "Compendium of Chemical Terminology (the Gold Book): equivalent entity",
       "IUPAC, version 2.3.3", "https://doi.org/10.1351/goldbook"),
    _r("ctcae5", "National Cancer Institute", 2017,
       "Common Terminology Criteria for Adverse Events (CTCAE) version 5.0: hypomagnesemia and hypermagnesemia grades",
       "US Department of Health and Human Services, NIH, NCI",
       "https://ctep.cancer.gov/protocoldevelopment/electronic_applications/ctc.htm"),
    _r("medlineplus_ca", "MedlinePlus, National Library of Medicine", 2024, "Calcium blood test",
       "MedlinePlus Medical Encyclopedia", "https://medlineplus.gov/ency/article/003477.htm"),
    _r("davis_lab", "Van Leeuwen AM, Bladh ML", 2021,
       "Davis's Comprehensive Manual of Laboratory and Diagnostic Tests with Nursing Implications (entries: parathyroid hormone; calcium, blood, total and ionized)",
       "F.A. Davis, Philadelphia (edition to be verified; online as Davis's Lab & Diagnostic Tests)", ""),
    _r("umich_calcitriol", "Michigan Medicine Laboratories", 2024,
       "Vitamin D, 1,25-dihydroxy (calcitriol): test catalog entry with adult reference range",
       "University of Michigan", "https://mlabs.umich.edu/tests/vitamin-d-125-dihydroxy"),
    # --- Accessibility ---------------------------------------------------------------------
    _r("okabe2008", "Okabe M, Ito K", 2008, "Color Universal Design (CUD): how to make figures and presentations that are friendly to colorblind people",
       "J*Fly", "https://jfly.uni-koeln.de/color/"),
    # --- Food composition and sun exposure (nutrition.py, sun.py) ---------------------------
    _r("dga2020_calcium", "US Department of Agriculture, US Department of Health and Human Services", 2020,
       "Food Sources of Calcium: nutrient-dense food and beverage sources, amounts of calcium and energy per standard portion",
       "Dietary Guidelines for Americans, 2020-2025", "https://www.dietaryguidelines.gov/food-sources-calcium"),
    _r("webb_engelsen2006", "Webb AR, Engelsen O", 2006, "Calculated ultraviolet exposure levels for a healthy vitamin D status",
       "Photochem Photobiol 82:1697-1703", ""),
    _r("madronich2007", "Madronich S", 2007, "Analytic formula for the clear-sky UV index",
       "Photochem Photobiol 83:1537-1538", ""),
    _r("who2002_uvi", "World Health Organization, World Meteorological Organization, United Nations Environment Programme, ICNIRP", 2002,
       "Global Solar UV Index: a practical guide", "WHO, Geneva (ISBN 92 4 159007 6)", ""),
    _r("cooper1969", "Cooper PI", 1969, "The absorption of radiation in solar stills",
       "Solar Energy 12:333-346", ""),
    _r("fitzpatrick1988", "Fitzpatrick TB", 1988, "The validity and practicality of sun-reactive skin types I through VI",
       "Arch Dermatol 124:869-871", ""),
    _r("terushkin2010", "Terushkin V, Bender A, Psaty EL, Engelsen O, Wang SQ, Halpern AC", 2010,
       "Estimated equivalency of vitamin D production from natural sun exposure versus oral vitamin D supplementation across seasons at two US latitudes",
       "J Am Acad Dermatol 62:929.e1-929.e9", "https://doi.org/10.1016/j.jaad.2009.07.028"),
]))


def cite(key: str) -> Reference:
    """Return the reference for ``key``.

    Raises
    ------
    ValueError
        If ``key`` is unknown; the message lists the closest known keys.
    """
    if not isinstance(key, str):
        raise TypeError(f"A reference key is a string such as 'heaney2003', not {type(key).__name__}.")
    try:
        return REFERENCES[key]
    except KeyError:
        import difflib

        close = difflib.get_close_matches(key, list(REFERENCES), n=3, cutoff=0.5)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise ValueError(f"Unknown reference key {key!r}.{hint} Known keys: {', '.join(sorted(REFERENCES))}.") from None


def bibliography(keys: Iterable[str] | None = None) -> str:
    """Format the bibliography (all entries, or those in ``keys``) as numbered lines, sorted by key."""
    chosen = sorted(REFERENCES) if keys is None else sorted(set(keys))
    return "\n".join(f"[{k}] {cite(k)}" for k in chosen)


def print_bibliography(keys: Iterable[str] | None = None) -> None:
    """Print :func:`bibliography`."""
    print(bibliography(keys))
