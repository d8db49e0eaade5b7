// NCIC offense codes: four digits, the first two naming the category. The codes and what each
// names are facts from the NIEM enumeration of the FBI's NCIC offense field (source below); the
// category of each code, the offense class where the code alone settles it, and the tags the
// ordinance vocabulary uses are this project's mapping, each rule with its reason and authority so a
// reviewer can check it (docs/ncic-codes.md prints every code with the rules that placed it).

import type { OffenseClass } from './model';

/** Where the codes and their descriptions come from. */
export const NCIC_SOURCE = {
  list:
    'NIEM 2.0, FBI domain schema (niem/fbi/2.0/fbi.xsd), simple type fbi:OFFCodeSimpleType, "A data type for Offense Code": ' +
    '458 enumerated codes with their NCIC literals; the same 458 codes and literals are in niem/ncic_2000/1.0/ncic_2000.xsd. ' +
    'Read from the NIEM-Releases repository (github.com/NIEM/NIEM-Releases, commit ffa6c68, "NIEM 2.0").',
  descriptions:
    'The NCIC literal of each code, with its abbreviations written out (ASSLT: assault, STGARM: strong-arm, MFR: manufacture, ...).',
  manual:
    'The FBI NCIC 2000 Code Manual, Section 3 (OFF, OOC and CRR field codes), is the list the enumeration reproduces; ' +
    'its full text could not be read here, so category names are taken from the "xx99" code of each category in the enumeration.',
} as const;

/** Code | what the code names. */
const CODES = `
0101|Treason
0102|Treason misprision
0103|Espionage
0104|Sabotage
0105|Sedition
0106|Selective service
0199|Sovereignty
0201|Military desertion
0299|Military
0301|Illegal entry
0302|False citizenship
0303|Smuggling aliens
0399|Immigration
0901|Homicide, willful kill, family, gun
0902|Homicide, willful kill, family, weapon
0903|Homicide, willful kill, non-family, gun
0904|Homicide, willful kill, non-family, weapon
0905|Homicide, willful kill, public officer, gun
0906|Homicide, willful kill, public officer, weapon
0907|Homicide, willful kill, police officer, gun
0908|Homicide, willful kill, police officer, weapon
0909|Homicide, negligent manslaughter, vehicle
0910|Homicide, negligent manslaughter, weapon
0911|Homicide, willful kill, gun
0912|Homicide, willful kill, weapon
0913|Homicide, John or Jane Doe, no warrant
0999|Homicide
1001|Kidnap minor for ransom
1002|Kidnap adult for ransom
1003|Kidnap minor to sexually assault
1004|Kidnap adult to sexually assault
1005|Kidnap minor
1006|Kidnap adult
1007|Kidnap hostage for escape
1008|Abduct, no ransom or assault
1009|Kidnap, hijack aircraft
1010|Kidnap minor, parental
1011|Kidnap minor, non-parental
1020|False imprisonment, minor, non-parental
1021|False imprisonment, minor, parental
1099|Kidnapping
1101|Rape, gun
1102|Rape with weapon
1103|Rape, strong-arm
1104|Sex assault, sodomy, boy, gun
1105|Sex assault, sodomy, man, gun
1106|Sex assault, sodomy, girl, gun
1107|Sex assault, sodomy, woman, gun
1108|Sex assault, sodomy, boy, weapon
1109|Sex assault, sodomy, man, weapon
1110|Sex assault, sodomy, girl, weapon
1111|Sex assault, sodomy, woman, weapon
1112|Sex assault, sodomy, boy, strong-arm
1113|Sex assault, sodomy, man, strong-arm
1114|Sex assault, sodomy, girl, strong-arm
1115|Sex assault, sodomy, woman, strong-arm
1116|Statutory rape, no force
1117|Sex assault, carnal abuse
1118|Rape, elderly
1119|Rape, disabled
1120|Sex assault, elderly
1121|Sex assault, disabled
1122|Rape, drug-induced
1123|Sexual assault, drug-induced
1198|Rape
1199|Sex assault
1201|Robbery, business, gun
1202|Robbery, business, weapon
1203|Robbery, business, strong-arm
1204|Robbery, street, gun
1205|Robbery, street, weapon
1206|Robbery, street, strong-arm
1207|Robbery, residence, gun
1208|Robbery, residence, weapon
1209|Robbery, residence, strong-arm
1210|Forcible purse snatching
1211|Robbery, banking-type institution
1212|Carjacking, armed
1299|Robbery
1301|Aggravated assault, family, gun
1302|Aggravated assault, family, weapon
1303|Aggravated assault, family, strong-arm
1304|Aggravated assault, non-family, gun
1305|Aggravated assault, non-family, weapon
1306|Aggravated assault, non-family, strong-arm
1307|Aggravated assault, public officer, gun
1308|Aggravated assault, public officer, weapon
1309|Aggravated assault, public officer, strong-arm
1310|Aggravated assault, police officer, gun
1311|Aggravated assault, police officer, weapon
1312|Aggravated assault, police officer, strong-arm
1313|Simple assault
1314|Aggravated assault, gun
1315|Aggravated assault, weapon
1316|Intimidation (includes stalking)
1399|Assault
1401|Abortional act on other
1402|Abortional act on self
1403|Submission to abortional act
1404|Abortifacient
1499|Abortion
1601|Threat, federal protectees
1602|Threat, terroristic, state offenses
1701|State/local, material witness
1702|Federal, material witness
2001|Arson, business, endangered life
2002|Arson, residence, endangered life
2003|Arson, business, defraud insurer
2004|Arson, residence, defraud insurer
2005|Arson, business
2006|Arson, residence
2007|Burning (see MIS)
2008|Arson, public building, endangered life
2009|Arson, public building
2099|Arson
2101|Extort, threat injure person
2102|Extort, threat damage property
2103|Extort, threat injure reputation
2104|Extort, threat accuse person of crime
2105|Extort, threat of informing of a violation
2199|Extortion
2201|Burglary, safe, vault
2202|Burglary, forced entry, residence
2203|Burglary, forced entry, non-residence
2204|Burglary, no forced entry, residence
2205|Burglary, no forced entry, non-residence
2206|Burglary tools, possess
2207|Burglary, banking-type institution
2299|Burglary
2301|Pocketpicking
2302|Purse snatching, no force
2303|Shoplifting
2304|Larceny, parts from vehicle
2305|Larceny, from auto
2306|Larceny, from shipment
2307|Larceny, from coin machine
2308|Larceny, from building
2309|Larceny, from yards
2310|Larceny, from mails
2311|Larceny, from banking-type institution
2312|Larceny, from interstate shipment
2313|Obstruct correspondence
2314|Theft of U.S. government property
2315|Larceny on U.S. government reservation
2316|Larceny, postal
2399|Larceny
2401|Theft and sale vehicle
2402|Theft and strip vehicle
2403|Theft and use vehicle other crime
2404|Vehicle theft
2405|Theft vehicle by bailee
2406|Receive stolen vehicle
2407|Strip stolen vehicle
2408|Possess stolen vehicle
2409|Interstate transport stolen vehicle
2410|Aircraft theft
2411|Unauthorized use of vehicle
2499|Stolen vehicle
2501|Forgery of checks
2502|Forgery of (see MIS)
2503|Counterfeiting of (see MIS)
2504|Pass forged
2505|Pass counterfeited
2506|Possess forged (see MIS)
2507|Possess counterfeited (see MIS)
2508|Possess tools for forgery/counterfeiting
2509|Transport forged (see MIS)
2510|Transport counterfeited (see MIS)
2511|Transport tools for forgery/counterfeiting
2589|Forgery
2599|Counterfeiting
2601|Fraud, confidence game
2602|Fraud, swindle
2603|Mail fraud
2604|Fraud, impersonation
2605|Fraud, illegal use credit cards
2606|Fraud, insufficient funds check
2607|Fraud, false statement
2608|Fraud, by wire
2609|Fraud and abuse, computer
2699|Fraud
2701|Embezzlement, business property
2702|Embezzlement, interstate shipment
2703|Embezzlement, banking-type institution
2704|Embezzlement, public property
2705|Embezzlement, postal
2799|Embezzlement
2801|Sale of stolen property
2802|Transport interstate stolen property
2803|Receive stolen property
2804|Possess stolen property
2805|Conceal stolen property
2899|Stolen property
2901|Damage property, business
2902|Damage property, private
2903|Damage property, public
2904|Damage property, business, with explosive
2905|Damage property, private, with explosive
2906|Damage property, public, with explosive
2999|Damage property
3501|Hallucinogen, manufacture
3502|Hallucinogen, distribute
3503|Hallucinogen, sell
3504|Hallucinogen, possess
3505|Hallucinogen
3510|Heroin, sell
3511|Heroin, smuggle
3512|Heroin, possess
3513|Heroin
3520|Opium or derivative, sell
3521|Opium or derivative, smuggle
3522|Opium or derivative, possess
3523|Opium or derivative
3530|Cocaine, sell
3531|Cocaine, smuggle
3532|Cocaine, possess
3533|Cocaine
3540|Synthetic narcotic, sell
3541|Synthetic narcotic, smuggle
3542|Synthetic narcotic, possess
3543|Synthetic narcotic
3550|Narcotic equipment, possess
3560|Marijuana, sell
3561|Marijuana, smuggle
3562|Marijuana, possess
3563|Marijuana, producing
3564|Marijuana
3570|Amphetamine, manufacture
3571|Amphetamine, sell
3572|Amphetamine, possess
3573|Amphetamine
3580|Barbiturate, manufacture
3581|Barbiturate, sell
3582|Barbiturate, possess
3583|Barbiturate
3599|Dangerous drugs
3601|Sex offense, against child, fondling
3602|Homosexual act with girl
3603|Homosexual act with boy
3604|Incest with minor
3605|Indecent exposure (to minors and adults)
3606|Bestiality
3607|Incest with adult
3608|Seduction of adult
3609|Homosexual act with woman
3610|Homosexual act with man
3611|Peeping tom
3612|Failure to register as a sex offender
3613|Sex offender registration violation(see MIS)
3614|Indecent exposure to minor
3615|Indecent exposure to adult
3616|Lewd or lascivious acts with minor
3617|Sexually violate human remains/necrophilia
3618|Molestation of minor
3619|Voyeurism
3620|Sex offense, elderly
3621|Sex offense, disabled
3622|Transport interstate for sexual activity
3699|Sex offense
3700|Obscene material
3701|Obscene material, manufacture
3702|Obscene material, sell
3703|Obscene material, mailing
3704|Obscene material, possess
3705|Obscene material, distribute
3706|Obscene material, transport
3707|Obscene communication
3799|Obscenity
3801|Neglect family
3802|Cruelty toward child
3803|Cruelty toward wife
3804|Bigamy
3805|Contributing to the delinquency of a minor
3806|Neglect child
3807|Nonpayment of alimony
3808|Nonsupport of parent
3809|Cruelty toward elderly
3810|Cruelty toward disabled
3811|Neglect elderly
3812|Neglect disabled
3899|Family offense
3901|Bookmaking
3902|Card game, operating
3904|Card game
3905|Dice game, operating
3907|Dice game
3908|Gambling device, possess
3909|Gambling device, transport
3910|Gambling device, not registered
3911|Gambling device
3912|Gambling goods, possess
3913|Gambling goods, transport
3914|Gambling goods
3915|Lottery, operating
3916|Lottery, runner
3918|Lottery
3919|Sports tampering
3920|Transmit wager information
3921|Establish gambling place
3999|Gambling
4001|Keeping house of ill fame
4002|Procure for prostitute (pimping)
4003|Commercial sex, homosexual prostitution
4004|Prostitution
4005|Frequent house of ill fame
4006|Transport female interstate for immoral purposes
4007|Procure for prostitute who is a minor
4008|Procure for prostitute who is an adult
4009|Transport interstate for commercialized sex
4099|Commercial sex
4101|Liquor, manufacture
4102|Liquor, sell
4103|Liquor, transport
4104|Liquor, possess
4199|Liquor
4801|Resisting officer
4802|Obstruct criminal investigation
4803|Making false report
4804|Evidence, destroying
4805|Witness, dissuading
4806|Witness, deceiving
4807|Refusing to aid officer
4808|Compounding crime
4809|Unauthorized communication with prisoner
4810|Illegal arrest
4811|Crossing police lines
4812|Failure to report crime
4813|Failure to move on
4899|Obstruct police
4901|Escape (see MIS)
4902|Flight to avoid (see MIS)
4903|Aiding prisoner escape (see MIS)
4904|Harboring escape/fugitive
4999|Flight, escape
5001|Bail, secured bond
5002|Bail, personal recognizance
5003|Perjury
5004|Perjury, subornation of
5005|Contempt of court (see MIS)
5006|Obstructing justice
5007|Obstructing court order
5008|Misconduct, judicial officer
5009|Contempt of Congress
5010|Contempt of legislature
5011|Parole violation (see MIS)
5012|Probation violation (see MIS)
5013|Conditional release violation
5014|Mandatory release violation
5015|Failure to appear (see MIS)
5016|Violation of a court order
5099|Obstruct (see MIS)
5101|Bribe, giving
5102|Bribe, offering
5103|Bribe, receiving
5104|Bribe
5105|Conflict of interest
5106|Gratuity, giving
5107|Gratuity, offering
5108|Gratuity, receiving
5109|Gratuity
5110|Kickback, giving
5111|Kickback, offering
5112|Kickback, receiving
5113|Kickback
5199|Bribery
5201|Altering identification on weapon
5202|Carrying concealed weapon
5203|Carrying prohibited weapon
5204|Explosives, teaching use
5205|Explosives, transporting
5206|Explosives, using
5207|Incendiary device, possess
5208|Incendiary device, using
5209|Incendiary device, teaching use
5210|Licensing, registration weapon
5211|Explosives, possessing
5212|Possession of weapon
5213|Firing weapon
5214|Selling weapon
5215|Threat to bomb
5216|Threat to burn
5217|Weapon trafficking
5299|Weapon offense
5301|Anarchism
5302|Riot, inciting
5303|Riot, engaging in
5304|Riot, interfere fireman
5305|Riot, interfere officer
5306|Riot
5307|Assembly, unlawful
5309|Harassing communication
5310|Desecrating flag
5311|Disorderly conduct
5399|Public peace
5401|Hit and run
5402|Transport dangerous material
5403|Driving under influence drugs
5404|Driving under influence alcohol
5499|Traffic offense
5501|Drugs, adulterated
5502|Drugs, misbranded
5503|Drugs, health or safety
5510|Food, adulterated
5511|Food, misbranded
5512|Food, health or safety
5520|Cosmetics, adulterated
5521|Cosmetics, misbranded
5522|Cosmetics, health or safety
5599|Health or safety
5699|Civil rights
5701|Divulge eavesdrop information
5702|Divulge eavesdrop order
5703|Divulge message contents
5704|Eavesdropping
5705|Eavesdrop equipment
5706|Opening sealed communication
5707|Trespassing
5708|Wiretap, failure to report
5799|Invade privacy
5801|Smuggle contraband
5802|Smuggle contraband into prison
5803|Smuggle to avoid paying duty
5899|Smuggling
5999|Election laws
6099|Antitrust
6101|Income tax
6102|Sales tax
6103|Liquor tax
6199|Tax revenue
6201|Conservation, animals
6202|Conservation, fish
6203|Conservation, birds
6204|Conservation, license or stamp
6205|Conservation, environment
6299|Conservation
6300|Money laundering
6401|Sexual exploitation of minor, material, transport
6402|Sexual exploitation of minor, material, photograph
6403|Sexual exploitation of minor, material, film
6404|Sexual exploitation of minor, exhibition of minor
6405|Sexual exploitation of minor, sex performance
6406|Sexual exploitation of minor, via telecommunications
6407|Sexual exploitation of minor, prostitution
6408|Enticement of minor for indecent purposes, via telecommunications
6409|Enticement of minor for prostitution
6410|Enticement of minor for indecent purposes
6499|Exploitation/enticement
7099|Crimes against person (see MIS)
7199|Property crimes (see MIS)
7299|Morals, decency crimes (see MIS)
7399|Public order crimes (see MIS)
8001|Subject is a threat to a U.S. Secret Service protectee
8003|Subject is a deported criminal/aggravated felon
8004|Alien unlawfully present due to order of removal or exclusion from the USA
8005|Sought for violation of national security registration
8100|Escape from custody
8101|Abscond while on parole
8102|Abscond while on probation
`;

export interface NcicCategory {
  /** The first two digits. */
  code: string;
  name: string;
  /** Where the name comes from. */
  source: string;
}

const CATEGORY_NAMES: Record<string, string> = {
  '01': 'Sovereignty',
  '02': 'Military',
  '03': 'Immigration',
  '09': 'Homicide',
  '10': 'Kidnapping',
  '11': 'Sexual assault',
  '12': 'Robbery',
  '13': 'Assault',
  '14': 'Abortion',
  '20': 'Arson',
  '21': 'Extortion',
  '22': 'Burglary',
  '23': 'Larceny',
  '24': 'Stolen vehicle',
  '25': 'Forgery and counterfeiting',
  '26': 'Fraud',
  '27': 'Embezzlement',
  '28': 'Stolen property',
  '29': 'Damage to property',
  '35': 'Dangerous drugs',
  '36': 'Sex offenses',
  '37': 'Obscenity',
  '38': 'Family offenses',
  '39': 'Gambling',
  '40': 'Commercial sex',
  '41': 'Liquor',
  '48': 'Obstructing police',
  '49': 'Flight and escape',
  '51': 'Bribery',
  '52': 'Weapon offenses',
  '53': 'Public peace',
  '54': 'Traffic offenses',
  '55': 'Health and safety',
  '56': 'Civil rights',
  '57': 'Invasion of privacy',
  '58': 'Smuggling',
  '59': 'Election laws',
  '60': 'Antitrust',
  '61': 'Tax revenue',
  '62': 'Conservation',
  '64': 'Exploitation and enticement of minors',
  '70': 'Crimes against the person (see MIS)',
  '71': 'Property crimes (see MIS)',
  '72': 'Morals and decency crimes (see MIS)',
  '73': 'Public order crimes (see MIS)',
};

/** Categories no "xx99" code names: named from their codes, and flagged for a reviewer. */
const UNNAMED_CATEGORIES: Record<string, { name: string; why: string }> = {
  '16': { name: 'Threats', why: 'named from 1601 and 1602; the enumeration has no 1699' },
  '17': { name: 'Material witness', why: 'named from 1701 and 1702; the enumeration has no 1799' },
  '50': {
    name: 'Obstructing the judiciary',
    why: 'named from its codes (bail, perjury, contempt, obstructing justice, release violations, failure to appear); 5099 reads only "obstruct (see MIS)"',
  },
  '63': { name: 'Money laundering', why: 'named from 6300, its only code' },
  '80': {
    name: 'Persons of federal interest',
    why: 'named from 8001 to 8005 (Secret Service protectee threat, deported criminal, removal order, registration); no 8099',
  },
  '81': { name: 'Escape and absconding', why: 'named from 8100 to 8102; no 8199' },
};

export interface MappingRule<T> {
  value: T;
  /** Codes and inclusive ranges ("0901-0908 0911"); a range takes the listed codes between its ends. */
  codes: string;
  why: string;
  /** The authority the rule rests on, when it rests on one beyond the code's own words. */
  authority?: string;
}

/**
 * Offense classes the code alone settles: offenses that are felonies wherever they are charged.
 * Every other code leaves the class to the record (a sentence over a year, ICE's felon flag).
 */
export const CLASS_RULES: ReadonlyArray<MappingRule<OffenseClass>> = [
  {
    value: 'felony',
    codes: '0901-0908 0911 0912',
    why: 'willful killing (murder and non-negligent manslaughter) is a felony in every U.S. jurisdiction',
  },
  {
    value: 'felony',
    codes: '1001-1007 1009 1011',
    why: 'kidnapping (for ransom, to assault, of a minor or adult, hostage, aircraft hijacking) is a felony everywhere',
  },
  {
    value: 'felony',
    codes: '1101-1115 1118 1119 1122 1198',
    why: 'forcible rape and forcible sodomy are felonies everywhere; statutory rape (1116) and carnal abuse (1117) are not placed',
  },
  { value: 'felony', codes: '1201-1299', why: 'robbery, purse snatching by force and armed carjacking are felonies everywhere' },
  {
    value: 'felony',
    codes: '1301-1312 1314 1315',
    why: 'aggravated assault is by definition the felony grade of assault; simple assault (1313) is not placed',
  },
  { value: 'felony', codes: '2001 2002 2008', why: 'arson endangering life is a felony everywhere' },
  {
    value: 'felony',
    codes: '0101 0103 0104 0303',
    why: 'treason, espionage, sabotage and alien smuggling are federal felonies',
    authority: '18 U.S.C. 2381, 793-794, 2151-2156; 8 U.S.C. 1324(a); classes by maximum term under 18 U.S.C. 3559(a)',
  },
];

/** Tags of the ordinance vocabulary (engine/generate.ts, samples/ordinances, the form's templates). */
export const TAG_RULES: ReadonlyArray<MappingRule<string>> = [
  { value: 'homicide', codes: '0901-0999', why: 'category 09, homicide' },
  {
    value: 'violent',
    codes: '0901-0908 0911-1115 1117-1315 1399 2101 3803',
    why: 'offenses with the use or threat of force against a person: willful homicide, kidnapping, forcible sex offenses, robbery, assault, extortion by threat to injure, cruelty toward a spouse',
    authority:
      'FBI UCR violent crime (murder, rape, robbery, aggravated assault) and 18 U.S.C. 16(a); negligent homicide (0909, 0910) and DUI are not crimes of violence: Leocal v. Ashcroft, 543 U.S. 1 (2004)',
  },
  {
    value: 'serious',
    codes:
      '0101 0103 0104 0901-1312 1314 1315 2001-2099 2201-2205 2207 2299 3501-3503 3510 3511 3520 3521 3530 3531 3540 3541 3560 3561 3563 3570 3571 3580 3581 3601 3604 3616 3618 6401-6499',
    why: "the offenses the project's case vocabulary calls serious (engine/generate.ts): homicide, kidnapping, sexual assault, robbery, aggravated assault, arson, burglary of a building, drug trafficking, sexual abuse and exploitation of minors; and treason, espionage, sabotage",
  },
  {
    value: 'dangerous',
    codes: '1301-1312 1314 1315 2001-2099 2904-2906 5204-5209 5211',
    why: 'aggravated assault, arson, damage with explosives, explosives and incendiary devices',
  },
  {
    value: 'sex-offense',
    codes: '1003 1004 1101-1199 3601-3699 6401-6499',
    why: 'categories 11 (sexual assault), 36 (sex offenses) and 64 (sexual exploitation of minors), and kidnapping to sexually assault',
  },
  {
    value: 'firearm',
    codes: '0901 0903 0905 0907 0911 1101 1104-1107 1201 1204 1207 1301 1304 1307 1310 1314',
    why: 'codes whose literal names a gun; other weapon codes (52xx) do not say the weapon was a firearm',
  },
  { value: 'weapon', codes: '5201-5299', why: 'category 52, weapon offenses' },
  { value: 'drug', codes: '3501-3599', why: 'category 35, dangerous drugs' },
  {
    value: 'drug-trafficking',
    codes: '3501-3503 3510 3511 3520 3521 3530 3531 3540 3541 3560 3561 3563 3570 3571 3580 3581',
    why: 'drug codes naming manufacture, distribution, sale, smuggling or producing',
  },
  { value: 'drug-possession', codes: '3504 3512 3522 3532 3542 3550 3562 3572 3582', why: 'drug codes naming possession' },
  { value: 'traffic', codes: '5401-5499', why: 'category 54, traffic offenses' },
  { value: 'dui', codes: '5403 5404', why: 'driving under the influence of drugs (5403) or alcohol (5404)' },
  {
    value: 'serious-traffic',
    codes: '0909 5401 5403 5404',
    why: 'vehicular manslaughter, hit and run, and driving under the influence',
  },
  { value: 'domestic-violence', codes: '0901 0902 1301-1303 3803', why: 'codes naming a family victim, and cruelty toward a spouse' },
  {
    value: 'aggravated-felony',
    codes:
      '0901-0908 0911 0912 1001 1002 1101-1103 1118 1119 1122 1198 3501-3503 3510 3511 3520 3521 3530 3531 3540 3541 3560 3561 3563 3570 3571 3580 3581 3601 3604 3616 3618 6401-6403',
    why: "offenses that are aggravated felonies whatever the sentence: murder, rape and sexual abuse of a minor (A), drug trafficking (B), ransom (H), child pornography (I). The clauses that need a sentence of at least a year (crime of violence, theft, burglary, forgery, obstruction) are applied by the importer from the record's sentence",
    authority:
      '8 U.S.C. 1101(a)(43)(A), (B), (H), (I); a court applying the categorical approach to a particular statute may decide otherwise (Moncrieffe v. Holder, 569 U.S. 184 (2013); Esquivel-Quintana v. Sessions, 581 U.S. 385 (2017), which is why statutory rape, 1116, is not tagged)',
  },
  { value: 'arson', codes: '2001-2099', why: 'category 20, arson' },
  {
    value: 'property',
    codes: '1201-1299 2101-2999 5707',
    why: 'robbery, extortion, burglary, larceny, vehicle theft, forgery, fraud, embezzlement, stolen property, damage to property, trespass',
  },
  {
    value: 'public-order',
    codes: '1601 1602 3700-3799 3901-4199 5215 5216 5301-5399 7399',
    why: 'threats, obscenity, gambling, commercial sex, liquor, public peace',
  },
  { value: 'immigration', codes: '0301-0399 8003 8004', why: 'category 03, immigration; deported criminal and removal-order records' },
];

/** Tags whose clause of 8 U.S.C. 1101(a)(43) needs a term of imprisonment of at least one year. */
export const AGGRAVATED_FELONY_WITH_YEAR_SENTENCE: MappingRule<string> = {
  value: 'aggravated-felony',
  codes: '0901-1399 2101 2201-2499 2501-2599 3803 5003 5004 5006',
  why: 'a crime of violence (F), theft or burglary (G), forgery or counterfeiting (R), or perjury or obstruction of justice (S), with a sentence of at least one year',
  authority: "8 U.S.C. 1101(a)(43)(F), (G), (R), (S); the record's MSC Sentence Days/Months/Years give the term",
};

export interface NcicOffense {
  code: string;
  /** What the code names (the NCIC literal written out); undefined for a code the list lacks. */
  description?: string;
  category?: NcicCategory;
  class?: OffenseClass;
  tags: readonly string[];
}

let table: Map<string, NcicOffense> | undefined;
let codeOrder: string[] = [];

/** The codes a rule's code list names, expanded against the list's order. */
export function expandCodes(spec: string): string[] {
  if (!codeOrder.length) build();
  const out: string[] = [];
  for (const part of spec.split(/\s+/).filter(Boolean)) {
    const [a, b] = part.split('-');
    if (b === undefined) {
      out.push(a!);
      continue;
    }
    for (const c of codeOrder) if (c >= a! && c <= b) out.push(c);
  }
  return out;
}

function categoryOf(code: string): NcicCategory | undefined {
  const two = code.slice(0, 2);
  const named = CATEGORY_NAMES[two];
  if (named) return { code: two, name: named, source: `the enumeration's ${two}99 code` };
  const unnamed = UNNAMED_CATEGORIES[two];
  return unnamed ? { code: two, name: unnamed.name, source: unnamed.why } : undefined;
}

function build(): Map<string, NcicOffense> {
  const map = new Map<string, NcicOffense>();
  codeOrder = [];
  for (const line of CODES.split('\n')) {
    if (!line) continue;
    const bar = line.indexOf('|');
    const code = line.slice(0, bar);
    codeOrder.push(code);
    map.set(code, { code, description: line.slice(bar + 1), category: categoryOf(code), tags: [] });
  }
  table = map;
  for (const rule of CLASS_RULES) for (const c of expandCodes(rule.codes)) map.get(c)!.class = rule.value;
  for (const rule of TAG_RULES) for (const c of expandCodes(rule.codes)) (map.get(c)!.tags as string[]).push(rule.value);
  for (const entry of map.values()) (entry.tags as string[]).sort();
  return map;
}

/** Every code of the list, in order. */
export function ncicCodes(): NcicOffense[] {
  return [...(table ?? build()).values()];
}

/**
 * What an NCIC offense code says: its description, category, class and tags. A four-digit code the
 * list lacks still gets its category from its first two digits (without tags); anything else gives undefined.
 */
export function ncicOffense(code: string): NcicOffense | undefined {
  const map = table ?? build();
  const known = map.get(code);
  if (known) return known;
  if (!/^\d{4}$/.test(code)) return undefined;
  return { code, category: categoryOf(code), tags: [] };
}

/** Categories of the list, by their two digits. */
export function ncicCategories(): NcicCategory[] {
  const out: NcicCategory[] = [];
  for (const two of new Set(ncicCodes().map((c) => c.code.slice(0, 2)))) out.push(categoryOf(two + '00')!);
  return out;
}
