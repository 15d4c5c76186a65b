//! A bounded memo of what was read of a sentence, shared between threads.
//!
//! What a sentence states depends on its words and language alone, and its claims' contexts on
//! little more, so a sentence told again (in the next version of an article, by another
//! outlet, in the boilerplate of another article) need not be read again. The memo maps a key
//! (the bytes of what the value depends on) to the value, behind a few locks so that several
//! workers share it. Its memory is bounded: past its budget it forgets the entries not asked
//! for since the budget was last reached, so the sentences told most often stay.
//!
//! Whatever the memo holds or forgets, a value is the one the key computes: outputs never
//! depend on it, only time does.

use std::hash::BuildHasher;
use std::sync::{Arc, Mutex};

/// A generation of entries, each with its key's hash: a key is hashed once per lookup (for its
/// shard and its slot alike), and an entry moves between generations, or to a larger table,
/// without hashing its key again.
type Map<V> = hashbrown::HashTable<Entry<V>>;

struct Entry<V> {
    hash: u64,
    key: Box<[u8]>,
    value: Arc<V>,
    /// The bytes the entry holds, as its caller weighed them.
    weight: usize,
}

/// A bounded map from keys to values read once, for several threads.
///
/// ```
/// use claimdiff::memo::Memo;
/// let memo: Memo<usize> = Memo::new(1 << 20);
/// let a = memo.get_or_insert_with(b"de\x00Es gab 12 Tote.", || (12, 64));
/// let b = memo.get_or_insert_with(b"de\x00Es gab 12 Tote.", || unreachable!());
/// assert_eq!((*a, *b), (12, 12));
/// ```
pub struct Memo<V> {
    shards: Box<[Mutex<Shard<V>>]>,
    /// Hashes keys; seeded per process, so that keys cannot be picked to collide.
    hasher: foldhash::fast::RandomState,
    /// Bytes a shard's young generation may hold before it becomes the old one.
    shard_budget: usize,
}

/// Two generations: entries asked for since the young one was started, and those of the
/// generation before, which move to the young one when asked for again and are forgotten when
/// the young one is full.
struct Shard<V> {
    young: Map<V>,
    old: Map<V>,
    /// Bytes held by `young`, as the callers weighed their entries.
    bytes: usize,
    /// Lookups, and lookups that found nothing.
    asked: u64,
    missed: u64,
}

/// What an entry costs besides its key and value: the map's slot, the key's and the value's
/// allocations.
const ENTRY_BYTES: usize = 96;

/// Enough shards that workers seldom wait for one another's lookups.
const SHARDS: usize = 16;

impl<V> Memo<V> {
    /// A memo holding about `budget` bytes (twice that at most, in two generations), as the
    /// entries are weighed by [`Memo::get_or_insert_with`]'s callers.
    pub fn new(budget: usize) -> Memo<V> {
        Memo {
            shards: (0..SHARDS)
                .map(|_| {
                    Mutex::new(Shard {
                        young: Map::new(),
                        old: Map::new(),
                        bytes: 0,
                        asked: 0,
                        missed: 0,
                    })
                })
                .collect(),
            hasher: foldhash::fast::RandomState::default(),
            shard_budget: (budget / 2 / SHARDS).max(1),
        }
    }

    /// The value of `key`, computed by `make` (with the bytes it holds, key included, roughly)
    /// unless the memo holds it. `make` runs without a lock held; two threads that miss the same
    /// key at once both compute it, and either's value stays.
    pub fn get_or_insert_with(&self, key: &[u8], make: impl FnOnce() -> (V, usize)) -> Arc<V> {
        let hash = self.hasher.hash_one(key);
        // The shard from bits the tables do not use for a key's slot or tag.
        let shard = &self.shards[(hash >> 32) as usize % self.shards.len()];
        let is_key = |e: &Entry<V>| e.hash == hash && *e.key == *key;
        {
            let mut shard = shard.lock().unwrap_or_else(|e| e.into_inner());
            shard.asked += 1;
            if let Some(entry) = shard.young.find(hash, is_key) {
                return Arc::clone(&entry.value);
            }
            if let Ok(entry) = shard.old.find_entry(hash, is_key) {
                let (entry, _) = entry.remove();
                let value = Arc::clone(&entry.value);
                let forgotten = shard.insert(entry, self.shard_budget);
                drop(shard);
                drop(forgotten);
                return value;
            }
        }
        let (value, weight) = make();
        let value = Arc::new(value);
        let mut shard = shard.lock().unwrap_or_else(|e| e.into_inner());
        shard.missed += 1;
        if shard.young.find(hash, is_key).is_none() {
            let entry = Entry {
                hash,
                key: key.into(),
                value: Arc::clone(&value),
                weight: weight + key.len() + ENTRY_BYTES,
            };
            let forgotten = shard.insert(entry, self.shard_budget);
            drop(shard);
            drop(forgotten);
        }
        value
    }
}

impl<V> Memo<V> {
    /// How many lookups there were, and how many found nothing (and computed their value).
    pub fn lookups(&self) -> (u64, u64) {
        self.shards.iter().fold((0, 0), |(asked, missed), s| {
            let s = s.lock().unwrap_or_else(|e| e.into_inner());
            (asked + s.asked, missed + s.missed)
        })
    }
}

impl<V> Shard<V> {
    /// Adds an entry to the young generation. When that is full it becomes the old one, and the
    /// old one is returned: the caller drops its thousands of entries after the shard's lock.
    #[must_use]
    fn insert(&mut self, entry: Entry<V>, budget: usize) -> Option<Map<V>> {
        let mut forgotten = None;
        if self.bytes + entry.weight > budget {
            forgotten = Some(std::mem::replace(
                &mut self.old,
                std::mem::take(&mut self.young),
            ));
            self.bytes = 0;
        }
        self.bytes += entry.weight;
        self.young.insert_unique(entry.hash, entry, |e| e.hash);
        forgotten
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_asked_for_often_stay_and_memory_is_bounded() {
        let memo: Memo<u32> = Memo::new(SHARDS * 2 * 1000);
        let hot = b"hot sentence".as_slice();
        let mut computed = 0;
        for n in 0..10_000u32 {
            memo.get_or_insert_with(hot, || {
                computed += 1;
                (0, 10)
            });
            let key = n.to_le_bytes();
            assert_eq!(*memo.get_or_insert_with(&key, || (n, 50)), n);
        }
        assert_eq!(computed, 1, "the hot entry was never forgotten");
        let held: usize = memo
            .shards
            .iter()
            .map(|s| {
                let s = s.lock().unwrap();
                s.young.len() + s.old.len()
            })
            .sum();
        assert!(held < 1000, "{held} entries held");
    }
}
