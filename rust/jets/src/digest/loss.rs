//! `++loss:differ` (`hex/loss`): a longest common subsequence of two
//! lists (Hunt–Szymanski), for Clay's text diffs.

use std::collections::HashMap;

use mars_nock::{JetError, Runtime};
use mars_noun::{mug, noun_eq, Heap, Noun};

use crate::util::{pair, sample2};

/// The items of a null-terminated list, or `%exit` (the Hoon's `i.hev`
/// of an atom crashes; vere says `%fail`, as for `can`'s malformed lists,
/// where this crate says `%exit`).
fn items(mut l: Noun) -> Result<Vec<Noun>, JetError> {
    let mut out = Vec::new();
    while l.as_direct() != Some(0) {
        let (i, t) = pair(l)?;
        out.push(i);
        l = t;
    }
    Ok(out)
}

/// One link of a candidate subsequence: an index into `hev` and the link
/// before it.
#[derive(Debug, Clone, Copy)]
struct Link {
    goy: usize,
    prev: Option<usize>,
}

/// The Hoon's `loss`: `sev` maps each item of `hev` to its indices;
/// `gox` holds, for each length `i + 1`, the candidate subsequence
/// ending at the lowest index of `hev` (`kad[i]`, those ends strictly
/// increasing). For each item of `hel` in order, its indices in `hev`
/// (ascending) are merged: each index `goy` extends the first length
/// whose end is not below it (`hink`) if the length before ends below
/// it (`lonk`), else is dropped; the extensions are made after the
/// search, highest length first (`merg`, `luna`). The product is the
/// longest candidate's items of `hev`, in order (`abet`).
///
/// The first length at or after the search's position where `lonk` fails
/// or `hink` holds is found by bisection, as vere's `_bink` does: with
/// the ends increasing, that predicate is monotone, so this is the
/// Hoon's linear scan, step for step in result.
pub fn loss(heap: &mut Heap, hel: Noun, hev: Noun) -> Result<Noun, JetError> {
    let hel = items(hel)?;
    let hev = items(hev)?;
    // sev: item → indices in hev, ascending; buckets by mug.
    let mut sev: HashMap<u32, Vec<(Noun, Vec<usize>)>> = HashMap::new();
    for (i, &item) in hev.iter().enumerate() {
        let bucket = sev.entry(mug(item)).or_default();
        match bucket.iter_mut().find(|(n, _)| noun_eq(*n, item)) {
            Some((_, idx)) => idx.push(i),
            None => bucket.push((item, vec![i])),
        }
    }
    let mut links: Vec<Link> = Vec::new();
    let mut kad: Vec<usize> = Vec::new();
    let mut zes: Vec<(usize, usize)> = Vec::new();
    for &item in &hel {
        let Some(gay) = sev
            .get(&mug(item))
            .and_then(|b| b.iter().find(|(n, _)| noun_eq(*n, item)))
            .map(|(_, idx)| idx)
        else {
            continue;
        };
        let end = |links: &[Link], kad: &[usize], i: usize| links[kad[i]].goy;
        zes.clear();
        let mut inx = 0usize;
        for &goy in gay {
            let kct = kad.len();
            if inx > kct {
                break;
            }
            // Lowest i in inx..=kct with !lonk(i) || hink(i).
            let (mut lo, mut hi) = (inx, kct);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                let lonk = mid == 0 || goy > end(&links, &kad, mid - 1);
                let hink = goy < end(&links, &kad, mid);
                if !lonk || hink {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            inx = lo;
            let lonk = inx == 0 || goy > end(&links, &kad, inx - 1);
            if lonk {
                zes.push((inx, goy));
                inx += 1;
            }
        }
        for &(inx, goy) in zes.iter().rev() {
            let prev = inx.checked_sub(1).map(|i| kad[i]);
            links.push(Link { goy, prev });
            let new = links.len() - 1;
            if inx == kad.len() {
                kad.push(new);
            } else {
                kad[inx] = new;
            }
        }
    }
    let mut out = Noun::ZERO;
    let mut at = kad.last().copied();
    while let Some(l) = at {
        out = heap.cell(hev[links[l].goy], out);
        at = links[l].prev;
    }
    Ok(out)
}

/// `|*  [hel=(list) hev=(list)]`.
pub fn jet(rt: &mut Runtime, core: Noun) -> Result<Noun, JetError> {
    let (hel, hev) = sample2(core)?;
    loss(&mut rt.heap, hel, hev)
}
