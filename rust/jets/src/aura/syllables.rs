//! The `po` syllables: `sis` (prefixes) and `dex` (suffixes) of `++po`
//! (hoon.hoon, 4a), 256 of three letters each, and the searches `ins` and
//! `ind` make of them.

/// `sis:po`: the prefix syllables, in order.
pub const PREFIXES: &[u8] = concat!(
    "dozmarbinwansamlitsighidfidlissogdirwacsabwissib",
    "rigsoldopmodfoglidhopdardorlorhodfolrintogsilmir",
    "holpaslacrovlivdalsatlibtabhanticpidtorbolfosdot",
    "losdilforpilramtirwintadbicdifrocwidbisdasmidlop",
    "rilnardapmolsanlocnovsitnidtipsicropwitnatpanmin",
    "ritpodmottamtolsavposnapnopsomfinfonbanmorworsip",
    "ronnorbotwicsocwatdolmagpicdavbidbaltimtasmallig",
    "sivtagpadsaldivdactansidfabtarmonranniswolmispal",
    "lasdismaprabtobrollatlonnodnavfignomnibpagsopral",
    "bilhaddocridmocpacravripfaltodtiltinhapmicfanpat",
    "taclabmogsimsonpinlomrictapfirhasbosbatpochactid",
    "havsaplindibhosdabbitbarracparloddosbortochilmac",
    "tomdigfilfasmithobharmighinradmashalraglagfadtop",
    "mophabnilnosmilfopfamdatnoldinhatnacrisfotribhoc",
    "nimlarfitwalrapsarnalmoslandondanladdovrivbacpol",
    "laptalpitnambonrostonfodponsovnocsorlavmatmipfip",
)
.as_bytes();

/// `dex:po`: the suffix syllables, in order.
pub const SUFFIXES: &[u8] = concat!(
    "zodnecbudwessevpersutletfulpensytdurwepserwylsun",
    "rypsyxdyrnuphebpeglupdepdysputlughecryttyvsydnex",
    "lunmeplutseppesdelsulpedtemledtulmetwenbynhexfeb",
    "pyldulhetmevruttylwydtepbesdexsefwycburderneppur",
    "rysrebdennutsubpetrulsynregtydsupsemwynrecmegnet",
    "secmulnymtevwebsummutnyxrextebfushepbenmuswyxsym",
    "selrucdecwexsyrwetdylmynmesdetbetbeltuxtugmyrpel",
    "syptermebsetdutdegtexsurfeltudnuxruxrenwytnubmed",
    "lytdusnebrumtynseglyxpunresredfunrevrefmectedrus",
    "bexlebduxrynnumpyxrygryxfeptyrtustyclegnemfermer",
    "tenlusnussyltecmexpubrymtucfyllepdebbermughuttun",
    "bylsudpemdevlurdefbusbeprunmelpexdytbyttyplevmyl",
    "wedducfurfexnulluclennerlexrupnedlecrydlydfenwel",
    "nydhusrelrudneshesfetdesretdunlernyrsebhulryllud",
    "remlysfynwerrycsugnysnyllyndyndemluxfedsedbecmun",
    "lyrtesmudnytbyrsenwegfyrmurtelreptegpecnelnevfes",
)
.as_bytes();

const _: () = assert!(PREFIXES.len() == 768 && SUFFIXES.len() == 768);

/// Syllable `i` (below 256) of `table` as its cord (`(cut 3 [(mul 3 i) 3]
/// table)`): the first letter in the low byte.
pub fn cord(table: &[u8], i: u8) -> u64 {
    let at = 3 * usize::from(i);
    u64::from(table[at]) | u64::from(table[at + 1]) << 8 | u64::from(table[at + 2]) << 16
}

/// The three letters of syllable `i`.
pub fn letters(table: &[u8], i: u8) -> [u8; 3] {
    let at = 3 * usize::from(i);
    [table[at], table[at + 1], table[at + 2]]
}

/// The index of the syllable `s` in `table`, if it is one.
pub fn find(table: &[u8], s: [u8; 3]) -> Option<u8> {
    table
        .chunks_exact(3)
        .position(|c| c == s)
        .and_then(|i| u8::try_from(i).ok())
}

/// The index of the prefix `s` (`ins:po`).
pub fn prefix(s: [u8; 3]) -> Option<u8> {
    find(PREFIXES, s)
}

/// The index of the suffix `s` (`ind:po`).
pub fn suffix(s: [u8; 3]) -> Option<u8> {
    find(SUFFIXES, s)
}

/// The syllable whose cord is `a`, searched in `table`: only an atom of
/// exactly three nonzero bytes can be one (`ins` and `ind` compare whole
/// atoms).
pub fn find_cord(table: &[u8], a: u64) -> Option<u8> {
    if a >= 1 << 24 {
        return None;
    }
    let [x, y, z, ..] = a.to_le_bytes();
    find(table, [x, y, z])
}
