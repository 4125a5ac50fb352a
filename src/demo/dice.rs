//! The demo's randomness: a fixed seed per client and aspect, so the same day always gives the
//! same portfolio, and tuning one aspect of one client leaves the others as they were.

use fastrand::Rng;

use super::SEED;

/// What the randomness is for; each gets its own stream.
#[derive(Debug, Clone, Copy)]
pub(super) enum Aspect {
    Tickets = 1,
    Upkeep,
    Projects,
    Invoices,
    Advice,
}

pub(super) struct Dice(Rng);

impl Dice {
    pub fn new(client: usize, aspect: Aspect) -> Self {
        let c = (client as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let a = (aspect as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        Dice(Rng::with_seed(SEED ^ c ^ a))
    }

    /// True `pct` times in a hundred.
    pub fn pct(&mut self, pct: u32) -> bool {
        self.0.u32(0..100) < pct
    }

    /// A whole number from `lo` to `hi`, both included (`lo` if the range is empty).
    pub fn between(&mut self, lo: u32, hi: u32) -> u32 {
        if hi <= lo { lo } else { self.0.u32(lo..=hi) }
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        self.0.f64()
    }

    /// One of `items`, or `None` when there are none.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.0.usize(..items.len()))
        }
    }

    /// An index into `weights`, each chosen in proportion to its weight (0 if all are 0).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        if total == 0 {
            return 0;
        }
        let mut roll = self.0.u32(0..total);
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        0
    }
}
