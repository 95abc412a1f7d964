#!/usr/bin/env python3
"""Generate ``ontology/gazetteer/countries.tsv`` from pycountry plus curated data.

Rerunnable: ``python scripts/make_countries.py [--out PATH]``. The output is
deterministic (rows sorted by id), so a rerun with the same pycountry version
gives the same bytes.

Sources
- pycountry (LGPL-2.1; data and gettext translations from Debian iso-codes):
  the ISO 3166-1 list, alpha-2/alpha-3 codes, official names, fr/de names.
- Wikidata ids (Wikidata is CC0) as listed in the public repository file
  owid/owid-grapher packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts
  (columns iso_alpha3 -> wikidata_uri), cross-checked against
  waldenn/conzept app/explore2/src/data/countries.js (iso3 -> Q-id).
- CURATED below: common press names, aliases and demonyms, written by hand for
  the countries most present in geopolitical news; inflections are generated.
"""

from __future__ import annotations

import argparse
import gettext
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

COLUMNS = ["id", "type", "wikidata", "label", "label_fr", "label_de", "aliases", "adjectives", "iso2"]

# iso3 -> Wikidata Q-id, transcribed from owid/owid-grapher CountriesRegions.ts
# (wikidata_uri column). Omitted on purpose: ATA (that file maps it to the
# "Antarctic Treaty area", not Antarctica) and ANT (no longer in ISO 3166-1).
# NLD: owid gives Q29999 (Kingdom of the Netherlands); waldenn/conzept lists both
# Q29999 and Q55 for NLD. We use Q55, the item labelled "Netherlands", because
# the row's label is the country name used in the press.
WIKIDATA: dict[str, str] = {
    "AFG": "Q889", "ALA": "Q5689", "ALB": "Q222", "DZA": "Q262", "ASM": "Q16641",
    "AND": "Q228", "AGO": "Q916", "AIA": "Q25228", "ATG": "Q781", "ARG": "Q414",
    "ARM": "Q399", "ABW": "Q21203", "AUS": "Q408", "AUT": "Q40", "AZE": "Q227",
    "BHS": "Q778", "BHR": "Q398", "BGD": "Q902", "BRB": "Q244", "BLR": "Q184",
    "BEL": "Q31", "BLZ": "Q242", "BEN": "Q962", "BMU": "Q23635", "BTN": "Q917",
    "BOL": "Q750", "BES": "Q27561", "BIH": "Q225", "BWA": "Q963", "BVT": "Q23408",
    "BRA": "Q155", "IOT": "Q43448", "VGB": "Q25305", "BRN": "Q921", "BGR": "Q219",
    "BFA": "Q965", "BDI": "Q967", "KHM": "Q424", "CMR": "Q1009", "CAN": "Q16",
    "CPV": "Q1011", "CYM": "Q5785", "CAF": "Q929", "TCD": "Q657", "CHL": "Q298",
    "CHN": "Q148", "CXR": "Q31063", "CCK": "Q36004", "COL": "Q739", "COM": "Q970",
    "COG": "Q971", "COK": "Q26988", "CRI": "Q800", "CIV": "Q1008", "HRV": "Q224",
    "CUB": "Q241", "CUW": "Q25279", "CYP": "Q229", "CZE": "Q213", "COD": "Q974",
    "DNK": "Q35", "DJI": "Q977", "DMA": "Q784", "DOM": "Q786", "ECU": "Q736",
    "EGY": "Q79", "SLV": "Q792", "GNQ": "Q983", "ERI": "Q986", "EST": "Q191",
    "SWZ": "Q1050", "ETH": "Q115", "FRO": "Q4628", "FLK": "Q9648", "FJI": "Q712",
    "FIN": "Q33", "FRA": "Q142", "GUF": "Q3769", "PYF": "Q30971", "ATF": "Q129003",
    "GAB": "Q1000", "GMB": "Q1005", "GEO": "Q230", "DEU": "Q183", "GHA": "Q117",
    "GIB": "Q1410", "GRC": "Q41", "GRL": "Q223", "GRD": "Q769", "GLP": "Q17012",
    "GUM": "Q16635", "GTM": "Q774", "GGY": "Q25230", "GIN": "Q1006", "GNB": "Q1007",
    "GUY": "Q734", "HTI": "Q790", "HMD": "Q131198", "HND": "Q783", "HKG": "Q8646",
    "HUN": "Q28", "ISL": "Q189", "IND": "Q668", "IDN": "Q252", "IRN": "Q794",
    "IRQ": "Q796", "IRL": "Q27", "IMN": "Q9676", "ISR": "Q801", "ITA": "Q38",
    "JAM": "Q766", "JPN": "Q17", "JEY": "Q785", "JOR": "Q810", "KAZ": "Q232",
    "KEN": "Q114", "KIR": "Q710", "KWT": "Q817", "KGZ": "Q813", "LAO": "Q819",
    "LVA": "Q211", "LBN": "Q822", "LSO": "Q1013", "LBR": "Q1014", "LBY": "Q1016",
    "LIE": "Q347", "LTU": "Q37", "LUX": "Q32", "MAC": "Q14773", "MDG": "Q1019",
    "MWI": "Q1020", "MYS": "Q833", "MDV": "Q826", "MLI": "Q912", "MLT": "Q233",
    "MHL": "Q709", "MTQ": "Q17054", "MRT": "Q1025", "MUS": "Q1027", "MYT": "Q17063",
    "MEX": "Q96", "FSM": "Q702", "MDA": "Q217", "MCO": "Q235", "MNG": "Q711",
    "MNE": "Q236", "MSR": "Q13353", "MAR": "Q1028", "MOZ": "Q1029", "MMR": "Q836",
    "NAM": "Q1030", "NRU": "Q697", "NPL": "Q837", "NLD": "Q55", "NCL": "Q33788",
    "NZL": "Q664", "NIC": "Q811", "NER": "Q1032", "NGA": "Q1033", "NIU": "Q34020",
    "NFK": "Q31057", "PRK": "Q423", "MKD": "Q221", "MNP": "Q16644", "NOR": "Q20",
    "OMN": "Q842", "PAK": "Q843", "PLW": "Q695", "PSE": "Q219060", "PAN": "Q804",
    "PNG": "Q691", "PRY": "Q733", "PER": "Q419", "PHL": "Q928", "PCN": "Q35672",
    "POL": "Q36", "PRT": "Q45", "PRI": "Q1183", "QAT": "Q846", "REU": "Q17070",
    "ROU": "Q218", "RUS": "Q159", "RWA": "Q1037", "BLM": "Q25362", "SHN": "Q192184",
    "KNA": "Q763", "LCA": "Q760", "MAF": "Q126125", "SPM": "Q34617", "VCT": "Q757",
    "WSM": "Q683", "SMR": "Q238", "STP": "Q1039", "SAU": "Q851", "SEN": "Q1041",
    "SRB": "Q403", "SYC": "Q1042", "SLE": "Q1044", "SGP": "Q334", "SXM": "Q26273",
    "SVK": "Q214", "SVN": "Q215", "SLB": "Q685", "SOM": "Q1045", "ZAF": "Q258",
    "SGS": "Q35086", "KOR": "Q884", "SSD": "Q958", "ESP": "Q29", "LKA": "Q854",
    "SDN": "Q1049", "SUR": "Q730", "SJM": "Q842829", "SWE": "Q34", "CHE": "Q39",
    "SYR": "Q858", "TWN": "Q865", "TJK": "Q863", "TZA": "Q924", "THA": "Q869",
    "TLS": "Q574", "TGO": "Q945", "TKL": "Q36823", "TON": "Q678", "TTO": "Q754",
    "TUN": "Q948", "TUR": "Q43", "TKM": "Q874", "TCA": "Q18221", "TUV": "Q672",
    "UGA": "Q1036", "UKR": "Q212", "ARE": "Q878", "GBR": "Q145", "USA": "Q30",
    "UMI": "Q16645", "VIR": "Q11703", "URY": "Q77", "UZB": "Q265", "VUT": "Q686",
    "VAT": "Q237", "VEN": "Q717", "VNM": "Q881", "WLF": "Q35555", "ESH": "Q6250",
    "YEM": "Q805", "ZMB": "Q953", "ZWE": "Q954",
}

# Entities outside ISO 3166-1 that the press treats as countries. Code XKX is the
# user-assigned code used by the EU and others; no Wikidata id was verified.
EXTRA_COUNTRIES = {"XKX": ("XK", "Kosovo")}

# Curated rows: iso3 ; label ; label_fr ; label_de ; aliases ; en adjectives ;
# fr adjectives (masc. sing., "m/f" where the feminine is irregular) ;
# de adjective stems ("!" suffix = invariable form, no inflection).
CURATED = """
USA;United States;États-Unis;Vereinigte Staaten;US|USA|U.S.|U.S.A.|United States of America|America|Amérique|Etats-Unis|Amerika|Vereinigte Staaten von Amerika|Vereinigten Staaten;American|Americans|US|U.S.;américain|états-unien;amerikanisch|US-amerikanisch
RUS;Russia;Russie;Russland;Russian Federation|Fédération de Russie|Russische Föderation;Russian|Russians;russe;russisch
UKR;Ukraine;Ukraine;Ukraine;;Ukrainian|Ukrainians;ukrainien;ukrainisch
GBR;United Kingdom;Royaume-Uni;Vereinigtes Königreich;UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland|Grande-Bretagne|Großbritannien|Vereinigten Königreich;British|Briton|Britons;britannique;britisch
DEU;Germany;Allemagne;Deutschland;Federal Republic of Germany|République fédérale d'Allemagne|RFA|Bundesrepublik Deutschland|BRD;German|Germans;allemand;deutsch
FRA;France;France;Frankreich;French Republic|République française|Französische Republik;French|Frenchman|Frenchmen|Frenchwoman;français;französisch
CHN;China;Chine;China;People's Republic of China|PRC|République populaire de Chine|Volksrepublik China|VR China;Chinese;chinois;chinesisch
ITA;Italy;Italie;Italien;Italian Republic|République italienne|Italienische Republik;Italian|Italians;italien;italienisch
ESP;Spain;Espagne;Spanien;Kingdom of Spain|Royaume d'Espagne|Königreich Spanien;Spanish|Spaniard|Spaniards;espagnol;spanisch
POL;Poland;Pologne;Polen;Republic of Poland|République de Pologne|Republik Polen;Polish;polonais;polnisch
TUR;Turkey;Turquie;Türkei;Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey|République de Turquie|Republik Türkei;Turkish|Turks;turc/turque;türkisch
IRN;Iran;Iran;Iran;Islamic Republic of Iran|République islamique d'Iran|Islamische Republik Iran|Persia|Persien;Iranian|Iranians;iranien;iranisch
ISR;Israel;Israël;Israel;State of Israel|État d'Israël|Etat d'Israël|État hébreu|Etat hébreu|Staat Israel;Israeli|Israelis;israélien;israelisch
PSE;Palestine;Palestine;Palästina;State of Palestine|État de Palestine|Palestinian territories|Territoires palestiniens|Palästinensische Gebiete|Staat Palästina;Palestinian|Palestinians;palestinien;palästinensisch
SYR;Syria;Syrie;Syrien;Syrian Arab Republic|République arabe syrienne|Arabische Republik Syrien;Syrian|Syrians;syrien;syrisch
LBN;Lebanon;Liban;Libanon;Lebanese Republic|République libanaise;Lebanese;libanais;libanesisch
IRQ;Iraq;Irak;Irak;Republic of Iraq|République d'Irak|Republik Irak;Iraqi|Iraqis;irakien;irakisch
SAU;Saudi Arabia;Arabie saoudite;Saudi-Arabien;Kingdom of Saudi Arabia|Royaume d'Arabie saoudite|Arabie Saoudite|Königreich Saudi-Arabien;Saudi|Saudis|Saudi Arabian;saoudien;saudisch|saudi-arabisch
ARE;United Arab Emirates;Émirats arabes unis;Vereinigte Arabische Emirate;UAE|U.A.E.|EAU|Emirats arabes unis|VAE;Emirati|Emiratis;émirati;emiratisch
QAT;Qatar;Qatar;Katar;State of Qatar|État du Qatar;Qatari|Qataris;qatari;katarisch
EGY;Egypt;Égypte;Ägypten;Arab Republic of Egypt|République arabe d'Égypte|Egypte|Arabische Republik Ägypten;Egyptian|Egyptians;égyptien;ägyptisch
JOR;Jordan;Jordanie;Jordanien;Hashemite Kingdom of Jordan|Royaume hachémite de Jordanie;Jordanian|Jordanians;jordanien;jordanisch
YEM;Yemen;Yémen;Jemen;Republic of Yemen|République du Yémen;Yemeni|Yemenis;yéménite;jemenitisch
KWT;Kuwait;Koweït;Kuwait;State of Kuwait;Kuwaiti|Kuwaitis;koweïtien;kuwaitisch
OMN;Oman;Oman;Oman;Sultanate of Oman|Sultanat d'Oman;Omani|Omanis;omanais;omanisch
BHR;Bahrain;Bahreïn;Bahrain;Kingdom of Bahrain|Bahrein;Bahraini|Bahrainis;bahreïni|bahreïnien;bahrainisch
AFG;Afghanistan;Afghanistan;Afghanistan;Islamic Emirate of Afghanistan|Émirat islamique d'Afghanistan;Afghan|Afghans;afghan;afghanisch
PAK;Pakistan;Pakistan;Pakistan;Islamic Republic of Pakistan;Pakistani|Pakistanis;pakistanais;pakistanisch
IND;India;Inde;Indien;Republic of India|Bharat|République de l'Inde;Indian|Indians;indien;indisch
JPN;Japan;Japon;Japan;Nippon;Japanese;japonais;japanisch
KOR;South Korea;Corée du Sud;Südkorea;Republic of Korea|ROK|République de Corée|Republik Korea;South Korean|South Koreans;sud-coréen;südkoreanisch
PRK;North Korea;Corée du Nord;Nordkorea;Democratic People's Republic of Korea|DPRK|République populaire démocratique de Corée|RPDC|Demokratische Volksrepublik Korea;North Korean|North Koreans;nord-coréen;nordkoreanisch
TWN;Taiwan;Taïwan;Taiwan;Republic of China|République de Chine|Republik China|Taiwan;Taiwanese;taïwanais;taiwanisch
VNM;Vietnam;Vietnam;Vietnam;Viet Nam|Socialist Republic of Vietnam|Viêt Nam|Viêtnam;Vietnamese;vietnamien;vietnamesisch
IDN;Indonesia;Indonésie;Indonesien;Republic of Indonesia;Indonesian|Indonesians;indonésien;indonesisch
BRA;Brazil;Brésil;Brasilien;Federative Republic of Brazil|Brasil|République fédérative du Brésil;Brazilian|Brazilians;brésilien;brasilianisch
ARG;Argentina;Argentine;Argentinien;Argentine Republic|République argentine;Argentine|Argentinian|Argentines|Argentinians;argentin;argentinisch
MEX;Mexico;Mexique;Mexiko;United Mexican States|États-Unis mexicains;Mexican|Mexicans;mexicain;mexikanisch
CAN;Canada;Canada;Kanada;;Canadian|Canadians;canadien;kanadisch
AUS;Australia;Australie;Australien;Commonwealth of Australia;Australian|Australians;australien;australisch
ZAF;South Africa;Afrique du Sud;Südafrika;Republic of South Africa|République d'Afrique du Sud|Republik Südafrika;South African|South Africans;sud-africain;südafrikanisch
NGA;Nigeria;Nigeria;Nigeria;Federal Republic of Nigeria;Nigerian|Nigerians;nigérian;nigerianisch
ETH;Ethiopia;Éthiopie;Äthiopien;Federal Democratic Republic of Ethiopia|Ethiopie;Ethiopian|Ethiopians;éthiopien;äthiopisch
KEN;Kenya;Kenya;Kenia;Republic of Kenya;Kenyan|Kenyans;kényan;kenianisch
DZA;Algeria;Algérie;Algerien;People's Democratic Republic of Algeria|République algérienne démocratique et populaire|Algerie;Algerian|Algerians;algérien;algerisch
MAR;Morocco;Maroc;Marokko;Kingdom of Morocco|Royaume du Maroc;Moroccan|Moroccans;marocain;marokkanisch
TUN;Tunisia;Tunisie;Tunesien;Republic of Tunisia|République tunisienne;Tunisian|Tunisians;tunisien;tunesisch
LBY;Libya;Libye;Libyen;State of Libya|État de Libye;Libyan|Libyans;libyen;libysch
SDN;Sudan;Soudan;Sudan;Republic of the Sudan|République du Soudan;Sudanese;soudanais;sudanesisch
SSD;South Sudan;Soudan du Sud;Südsudan;Republic of South Sudan;South Sudanese;sud-soudanais;südsudanesisch
MLI;Mali;Mali;Mali;Republic of Mali;Malian|Malians;malien;malisch
NER;Niger;Niger;Niger;Republic of the Niger;Nigerien|Nigeriens;nigérien;nigrisch
BFA;Burkina Faso;Burkina Faso;Burkina Faso;Burkina;Burkinabe|Burkinabè;burkinabè/burkinabè;burkinisch
COD;Democratic Republic of the Congo;République démocratique du Congo;Demokratische Republik Kongo;DR Congo|DRC|Congo-Kinshasa|RDC|RD Congo|DR Kongo;Congolese;congolais;kongolesisch
COG;Republic of the Congo;République du Congo;Republik Kongo;Congo-Brazzaville;;;
SOM;Somalia;Somalie;Somalia;Federal Republic of Somalia;Somali|Somalis;somalien;somalisch
ARM;Armenia;Arménie;Armenien;Republic of Armenia;Armenian|Armenians;arménien;armenisch
AZE;Azerbaijan;Azerbaïdjan;Aserbaidschan;Republic of Azerbaijan;Azerbaijani|Azerbaijanis|Azeri|Azeris;azerbaïdjanais|azéri;aserbaidschanisch
GEO;Georgia;Géorgie;Georgien;Sakartvelo;Georgian|Georgians;géorgien;georgisch
BLR;Belarus;Biélorussie;Belarus;Republic of Belarus|Bélarus|Weißrussland|Byelorussia;Belarusian|Belarusians;biélorusse|bélarusse;belarussisch|weißrussisch
MDA;Moldova;Moldavie;Moldau;Republic of Moldova|République de Moldavie|Moldova|Republik Moldau|Moldawien;Moldovan|Moldovans;moldave;moldauisch|moldawisch
KAZ;Kazakhstan;Kazakhstan;Kasachstan;Republic of Kazakhstan;Kazakh|Kazakhs|Kazakhstani;kazakh|kazakhstanais;kasachisch
UZB;Uzbekistan;Ouzbékistan;Usbekistan;Republic of Uzbekistan;Uzbek|Uzbeks;ouzbek/ouzbèke;usbekisch
KGZ;Kyrgyzstan;Kirghizistan;Kirgisistan;Kyrgyz Republic|Kirghizstan;Kyrgyz;kirghiz;kirgisisch
TJK;Tajikistan;Tadjikistan;Tadschikistan;Republic of Tajikistan;Tajik|Tajiks;tadjik;tadschikisch
TKM;Turkmenistan;Turkménistan;Turkmenistan;;Turkmen;turkmène;turkmenisch
MNG;Mongolia;Mongolie;Mongolei;;Mongolian|Mongolians;mongol;mongolisch
AUT;Austria;Autriche;Österreich;Republic of Austria|République d'Autriche|Republik Österreich;Austrian|Austrians;autrichien;österreichisch
CHE;Switzerland;Suisse;Schweiz;Swiss Confederation|Confédération suisse|Schweizerische Eidgenossenschaft;Swiss;suisse;schweizerisch|Schweizer!
BEL;Belgium;Belgique;Belgien;Kingdom of Belgium|Royaume de Belgique|Königreich Belgien;Belgian|Belgians;belge;belgisch
NLD;Netherlands;Pays-Bas;Niederlande;The Netherlands|Kingdom of the Netherlands|Holland|Royaume des Pays-Bas|Hollande|Königreich der Niederlande;Dutch;néerlandais|hollandais;niederländisch|holländisch
LUX;Luxembourg;Luxembourg;Luxemburg;Grand Duchy of Luxembourg|Grand-Duché de Luxembourg|Großherzogtum Luxemburg;Luxembourgish|Luxembourger|Luxembourgers;luxembourgeois;luxemburgisch
DNK;Denmark;Danemark;Dänemark;Kingdom of Denmark|Royaume du Danemark|Königreich Dänemark;Danish|Danes;danois;dänisch
NOR;Norway;Norvège;Norwegen;Kingdom of Norway|Royaume de Norvège|Königreich Norwegen;Norwegian|Norwegians;norvégien;norwegisch
SWE;Sweden;Suède;Schweden;Kingdom of Sweden|Royaume de Suède|Königreich Schweden;Swedish|Swedes;suédois;schwedisch
FIN;Finland;Finlande;Finnland;Republic of Finland|République de Finlande|Republik Finnland;Finnish|Finns;finlandais;finnisch
ISL;Iceland;Islande;Island;Republic of Iceland;Icelandic|Icelanders;islandais;isländisch
IRL;Ireland;Irlande;Irland;Republic of Ireland|Éire|Eire|République d'Irlande;Irish;irlandais;irisch
PRT;Portugal;Portugal;Portugal;Portuguese Republic|République portugaise;Portuguese;portugais;portugiesisch
GRC;Greece;Grèce;Griechenland;Hellenic Republic|République hellénique|Hellas;Greek|Greeks;grec/grecque;griechisch
CYP;Cyprus;Chypre;Zypern;Republic of Cyprus|République de Chypre;Cypriot|Cypriots;chypriote;zyprisch
MLT;Malta;Malte;Malta;Republic of Malta;Maltese;maltais;maltesisch
CZE;Czech Republic;Tchéquie;Tschechien;Czechia|République tchèque|Tschechische Republik;Czech|Czechs;tchèque;tschechisch
SVK;Slovakia;Slovaquie;Slowakei;Slovak Republic|République slovaque|Slowakische Republik;Slovak|Slovaks|Slovakian;slovaque;slowakisch
HUN;Hungary;Hongrie;Ungarn;;Hungarian|Hungarians;hongrois;ungarisch
ROU;Romania;Roumanie;Rumänien;;Romanian|Romanians;roumain;rumänisch
BGR;Bulgaria;Bulgarie;Bulgarien;Republic of Bulgaria;Bulgarian|Bulgarians;bulgare;bulgarisch
SVN;Slovenia;Slovénie;Slowenien;Republic of Slovenia;Slovenian|Slovenians|Slovene|Slovenes;slovène;slowenisch
HRV;Croatia;Croatie;Kroatien;Republic of Croatia;Croatian|Croatians|Croat|Croats;croate;kroatisch
SRB;Serbia;Serbie;Serbien;Republic of Serbia;Serbian|Serbians|Serb|Serbs;serbe;serbisch
BIH;Bosnia and Herzegovina;Bosnie-Herzégovine;Bosnien und Herzegowina;Bosnia|Bosnie|Bosnien-Herzegowina|Bosnien;Bosnian|Bosnians;bosnien;bosnisch
MNE;Montenegro;Monténégro;Montenegro;;Montenegrin|Montenegrins;monténégrin;montenegrinisch
MKD;North Macedonia;Macédoine du Nord;Nordmazedonien;Republic of North Macedonia|Macedonia|Macédoine|Mazedonien;Macedonian|Macedonians;macédonien;mazedonisch|nordmazedonisch
ALB;Albania;Albanie;Albanien;Republic of Albania;Albanian|Albanians;albanais;albanisch
XKX;Kosovo;Kosovo;Kosovo;Republic of Kosovo|République du Kosovo|Republik Kosovo;Kosovar|Kosovars;kosovar;kosovarisch
EST;Estonia;Estonie;Estland;Republic of Estonia;Estonian|Estonians;estonien;estnisch
LVA;Latvia;Lettonie;Lettland;Republic of Latvia;Latvian|Latvians;letton/lettone;lettisch
LTU;Lithuania;Lituanie;Litauen;Republic of Lithuania;Lithuanian|Lithuanians;lituanien;litauisch
VAT;Vatican City;Vatican;Vatikanstadt;Holy See|Vatican City State|Saint-Siège|Cité du Vatican|Heiliger Stuhl|Vatikan;;;vatikanisch
VEN;Venezuela;Venezuela;Venezuela;Bolivarian Republic of Venezuela|République bolivarienne du Venezuela;Venezuelan|Venezuelans;vénézuélien;venezolanisch
COL;Colombia;Colombie;Kolumbien;Republic of Colombia;Colombian|Colombians;colombien;kolumbianisch
CHL;Chile;Chili;Chile;Republic of Chile;Chilean|Chileans;chilien;chilenisch
PER;Peru;Pérou;Peru;Republic of Peru;Peruvian|Peruvians;péruvien;peruanisch
CUB;Cuba;Cuba;Kuba;Republic of Cuba;Cuban|Cubans;cubain;kubanisch
BOL;Bolivia;Bolivie;Bolivien;Plurinational State of Bolivia;Bolivian|Bolivians;bolivien;bolivianisch
ECU;Ecuador;Équateur;Ecuador;Republic of Ecuador;Ecuadorian|Ecuadorians;équatorien;ecuadorianisch
NIC;Nicaragua;Nicaragua;Nicaragua;;Nicaraguan|Nicaraguans;nicaraguayen;nicaraguanisch
PAN;Panama;Panama;Panama;Republic of Panama;Panamanian|Panamanians;panaméen;panamaisch
URY;Uruguay;Uruguay;Uruguay;;Uruguayan|Uruguayans;uruguayen;uruguayisch
PRY;Paraguay;Paraguay;Paraguay;;Paraguayan|Paraguayans;paraguayen;paraguayisch
HTI;Haiti;Haïti;Haiti;;Haitian|Haitians;haïtien;haitianisch
THA;Thailand;Thaïlande;Thailand;Kingdom of Thailand;Thai;thaïlandais;thailändisch
MMR;Myanmar;Birmanie;Myanmar;Burma|Birma;Burmese;birman;myanmarisch|birmanisch
PHL;Philippines;Philippines;Philippinen;Republic of the Philippines;Filipino|Filipinos|Philippine;philippin;philippinisch
MYS;Malaysia;Malaisie;Malaysia;;Malaysian|Malaysians;malaisien|malaysien;malaysisch
SGP;Singapore;Singapour;Singapur;Republic of Singapore;Singaporean|Singaporeans;singapourien;singapurisch
BGD;Bangladesh;Bangladesh;Bangladesch;;Bangladeshi|Bangladeshis;bangladais;bangladeschisch
LKA;Sri Lanka;Sri Lanka;Sri Lanka;;Sri Lankan|Sri Lankans;sri-lankais;sri-lankisch
NPL;Nepal;Népal;Nepal;;Nepalese|Nepali;népalais;nepalesisch
NZL;New Zealand;Nouvelle-Zélande;Neuseeland;;New Zealander|New Zealanders;néo-zélandais;neuseeländisch
SEN;Senegal;Sénégal;Senegal;;Senegalese;sénégalais;senegalesisch
CIV;Ivory Coast;Côte d'Ivoire;Elfenbeinküste;Côte d'Ivoire|Cote d'Ivoire;Ivorian|Ivorians;ivoirien;ivorisch
GHA;Ghana;Ghana;Ghana;;Ghanaian|Ghanaians;ghanéen;ghanaisch
CMR;Cameroon;Cameroun;Kamerun;;Cameroonian|Cameroonians;camerounais;kamerunisch
TCD;Chad;Tchad;Tschad;Republic of Chad;Chadian|Chadians;tchadien;tschadisch
RWA;Rwanda;Rwanda;Ruanda;;Rwandan|Rwandans;rwandais;ruandisch
UGA;Uganda;Ouganda;Uganda;;Ugandan|Ugandans;ougandais;ugandisch
TZA;Tanzania;Tanzanie;Tansania;United Republic of Tanzania;Tanzanian|Tanzanians;tanzanien;tansanisch
AGO;Angola;Angola;Angola;;Angolan|Angolans;angolais;angolanisch
MOZ;Mozambique;Mozambique;Mosambik;;Mozambican|Mozambicans;mozambicain;mosambikanisch
ZWE;Zimbabwe;Zimbabwe;Simbabwe;;Zimbabwean|Zimbabweans;zimbabwéen;simbabwisch
ERI;Eritrea;Érythrée;Eritrea;;Eritrean|Eritreans;érythréen;eritreisch
MRT;Mauritania;Mauritanie;Mauretanien;Islamic Republic of Mauritania;Mauritanian|Mauritanians;mauritanien;mauretanisch
CAF;Central African Republic;Centrafrique;Zentralafrikanische Republik;République centrafricaine|RCA;Central African;centrafricain;zentralafrikanisch
"""

# English labels for uncurated ISO entries whose pycountry name is an inverted
# official form ("Virgin Islands, British") or too terse.
LABEL_OVERRIDES = {
    "VGB": "British Virgin Islands", "VIR": "United States Virgin Islands",
    "FSM": "Federated States of Micronesia", "LAO": "Laos", "FLK": "Falkland Islands",
    "BRN": "Brunei", "CPV": "Cape Verde", "TLS": "East Timor", "SWZ": "Eswatini",
    "MAC": "Macau", "BES": "Caribbean Netherlands", "SXM": "Sint Maarten",
    "MAF": "Saint Martin", "STP": "São Tomé and Príncipe", "GMB": "The Gambia",
    "BHS": "The Bahamas",
}
FR_OVERRIDES = {
    "ALA": "Îles Åland", "CCK": "Îles Cocos", "CXR": "Île Christmas", "FLK": "Îles Malouines",
    "FSM": "Micronésie", "SLB": "Îles Salomon", "REU": "La Réunion", "LAO": "Laos",
    "VIR": "Îles Vierges des États-Unis", "TLS": "Timor oriental", "SXM": "Sint Maarten",
}
DE_OVERRIDES = {
    "FSM": "Mikronesien", "LAO": "Laos", "VIR": "Amerikanische Jungferninseln", "SXM": "Sint Maarten",
}


@dataclass
class CountryRow:
    """One output row; multi-valued fields are kept as ordered lists."""

    id: str
    iso2: str
    wikidata: str = ""
    label: str = ""
    label_fr: str = ""
    label_de: str = ""
    aliases: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)

    def cells(self) -> list[str]:
        """Cells in COLUMNS order; aliases drop anything equal to a label."""
        labels = {self.label, self.label_fr, self.label_de}
        aliases = _unique(a for a in self.aliases if a and a not in labels)
        return [self.id, "Country", self.wikidata, self.label, self.label_fr, self.label_de,
                "|".join(aliases), "|".join(_unique(self.adjectives)), self.iso2]


def _unique(items) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def fr_feminine(masc: str) -> str:
    """Regular French feminine of a masculine singular adjective."""
    if masc.endswith("e"):
        return masc
    if masc.endswith("en"):  # ukrainien -> ukrainienne, coréen -> coréenne
        return masc + "ne"
    return masc + "e"  # américain -> américaine, français -> française


def fr_plural(word: str) -> str:
    """French plural: words already ending in s/x/z are invariable."""
    return word if word[-1] in "sxz" else word + "s"


def fr_forms(spec: str) -> list[str]:
    """All four forms (m/f, sing/plur) from 'masc' or 'masc/fem'."""
    masc, _, fem = spec.partition("/")
    fem = fem or fr_feminine(masc)
    return _unique([masc, fem, fr_plural(masc), fr_plural(fem)])


DE_ENDINGS = ["", "e", "en", "er", "es", "em"]


def de_forms(spec: str) -> list[str]:
    """German strong/weak/mixed adjective forms from a stem ('x!' = invariable)."""
    if spec.endswith("!"):
        return [spec[:-1]]
    return [spec + ending for ending in DE_ENDINGS]


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def parse_curated(text: str = CURATED) -> dict[str, dict]:
    """Parse the CURATED table into iso3 -> fields."""
    table: dict[str, dict] = {}
    for line in text.strip().splitlines():
        parts = line.split(";")
        if len(parts) != 8:
            raise ValueError(f"curated line needs 8 fields: {line!r}")
        iso3, label, fr, de, aliases, en_adj, fr_adj, de_adj = parts
        if iso3 in table:
            raise ValueError(f"duplicate curated row {iso3}")
        adjectives = _split(en_adj)
        for spec in _split(fr_adj):
            adjectives += fr_forms(spec)
        for spec in _split(de_adj):
            adjectives += de_forms(spec)
        table[iso3] = {"label": label, "label_fr": fr, "label_de": de,
                       "aliases": _split(aliases), "adjectives": adjectives}
    return table


def _clean(name: str) -> str:
    """Drop the inverted official part of ISO names ('Iran, Islamic Republic of')."""
    return name.split(",")[0].split(" (")[0].strip()


def build_rows() -> list[CountryRow]:
    """Build all country rows, sorted by id."""
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    curated = parse_curated()
    rows: dict[str, CountryRow] = {}
    for c in pycountry.countries:
        iso3 = c.alpha_3
        name = c.name
        common = getattr(c, "common_name", None)
        official = getattr(c, "official_name", None)
        row = CountryRow(id=iso3, iso2=c.alpha_2, wikidata=WIKIDATA.get(iso3, ""))
        row.label = LABEL_OVERRIDES.get(iso3) or common or _clean(name)
        row.label_fr = FR_OVERRIDES.get(iso3) or _clean(fr.gettext(name))
        row.label_de = DE_OVERRIDES.get(iso3) or _clean(de.gettext(name))
        # Official and inverted ISO forms are still useful aliases.
        row.aliases = [name, common or "", official or "", fr.gettext(name), de.gettext(name)]
        if official:
            row.aliases += [fr.gettext(official), de.gettext(official)]
        rows[iso3] = row
    for iso3, (iso2, label) in EXTRA_COUNTRIES.items():
        rows[iso3] = CountryRow(id=iso3, iso2=iso2, label=label, label_fr=label, label_de=label)
    for iso3, data in curated.items():
        if iso3 not in rows:
            raise ValueError(f"curated row {iso3} is not a known country")
        row = rows[iso3]
        row.label, row.label_fr, row.label_de = data["label"], data["label_fr"], data["label_de"]
        row.aliases = data["aliases"] + row.aliases
        row.adjectives = data["adjectives"]
    # Parenthesised or inverted ISO forms ("Holy See (Vatican City State)",
    # "Virgin Islands, British") never occur in running text: drop them as aliases.
    for row in rows.values():
        row.aliases = [a for a in row.aliases if "(" not in a and "," not in a]
    return [rows[k] for k in sorted(rows)]


HEADER = """\
# Countries of the actor gazetteer (generated by scripts/make_countries.py; edit the script, not this file).
# Sources:
# - pycountry (LGPL-2.1; ISO 3166-1 data and fr/de translations from Debian iso-codes).
# - Wikidata ids (Wikidata is CC0) from repository owid/owid-grapher, file
#   packages/@ourworldindata/grapher/src/mapCharts/CountriesRegions.ts (iso_alpha3 -> wikidata_uri),
#   cross-checked with repository waldenn/conzept, file app/explore2/src/data/countries.js.
#   NLD uses Q55 ("Netherlands", listed for NLD in waldenn/conzept) instead of owid's Q29999.
#   ATA and XKX (Kosovo, not in ISO 3166-1) have no verified id.
# - Labels, aliases and demonyms of ~110 newsworthy countries curated by hand in the script;
#   French/German adjective inflections are generated by rule, irregular ones written out.
# Columns: multi-valued cells use '|'; empty cell = unknown. fr/de adjectives are lower case
# (match case-insensitively to catch nouns such as 'les Américains').
"""


def render(rows: list[CountryRow]) -> str:
    """The TSV text: header comment, column row, data rows."""
    lines = [HEADER.rstrip("\n"), "\t".join(COLUMNS)]
    for row in rows:
        cells = row.cells()
        if any("\t" in c or "\n" in c for c in cells):
            raise ValueError(f"tab or newline in row {row.id}")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "ontology" / "gazetteer" / "countries.tsv"
    parser.add_argument("--out", type=Path, default=default)
    args = parser.parse_args(argv)
    rows = build_rows()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(rows), encoding="utf-8")
    print(f"wrote {len(rows)} countries ({sum(1 for r in rows if r.wikidata)} with Wikidata ids) to {args.out}")


if __name__ == "__main__":
    main()
