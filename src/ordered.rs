//! Work over many items on rayon's threads, its results taken in item order on the calling
//! thread as soon as they are ready: the workers never wait for the writer (as they did
//! between batches) and never run more than a window ahead of it, so memory holds a window
//! of results, not the run.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, PoisonError};

/// Items a worker takes at once: its results reach the taker together, one wake-up for them
/// all (on 20,000 files, waking the taker for each cost more system time than reading them).
const CHUNK: usize = 4;

/// Runs `work` on each of `items` in parallel and hands each result, in the order of
/// `items`, to `take` on this thread; at most `window` items are being worked on or waiting
/// to be taken. Stops at the first error of `take` (items already handed out finish and are
/// dropped) and returns it.
pub fn for_each_in_order<I, T, E>(
    items: &[I],
    window: usize,
    work: impl Fn(&I) -> T + Sync,
    mut take: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Sync,
    T: Send,
{
    if let [item] = items {
        // One item, as when an editor checks the file it shows: no thread to start.
        return take(work(item));
    }
    let gate = Gate::new(items.len(), window.max(1));
    let (sender, receiver) = mpsc::channel::<(usize, Vec<T>)>();
    std::thread::scope(|scope| {
        let (gate, work) = (&gate, &work);
        let producer = scope.spawn(move || {
            rayon::scope(|workers| {
                for _ in 0..rayon::current_num_threads() {
                    let sender = sender.clone();
                    workers.spawn(move |_| {
                        let _stop = Stop::when_panicking(gate);
                        while let Some(claimed) = gate.claim() {
                            let start = claimed.start;
                            let results = claimed.map(|index| work(&items[index])).collect();
                            if sender.send((start, results)).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
        });
        // However this thread leaves, an error or a panic included, no more work is handed out.
        let stop = Stop::always(gate);
        let mut ready = BTreeMap::new();
        let mut next = 0;
        let taken = receiver.iter().try_for_each(|(start, results)| {
            ready.insert(start, results);
            while let Some(results) = ready.remove(&next) {
                next += results.len();
                let count = results.len();
                results.into_iter().try_for_each(&mut take)?;
                gate.release(count);
            }
            Ok(())
        });
        drop(stop);
        if let Err(panic) = producer.join() {
            // A worker's panic, as it was raised.
            std::panic::resume_unwind(panic);
        }
        taken
    })
}

/// Stops a gate when dropped: always, or only while unwinding from a panic (a worker's panic
/// must not leave the others waiting for room that will never come).
struct Stop<'a> {
    gate: &'a Gate,
    only_when_panicking: bool,
}

impl<'a> Stop<'a> {
    fn always(gate: &'a Gate) -> Self {
        Self {
            gate,
            only_when_panicking: false,
        }
    }

    fn when_panicking(gate: &'a Gate) -> Self {
        Self {
            gate,
            only_when_panicking: true,
        }
    }
}

impl Drop for Stop<'_> {
    fn drop(&mut self) {
        if !self.only_when_panicking || std::thread::panicking() {
            self.gate.stop();
        }
    }
}

/// Which items may be handed out: the next one, unless the window is full or the run stopped.
struct Gate {
    state: Mutex<GateState>,
    changed: Condvar,
    items: usize,
    window: usize,
}

struct GateState {
    /// Items handed out so far (they go in order).
    claimed: usize,
    /// Results taken so far.
    released: usize,
    stopped: bool,
    /// Workers waiting for room: only then is there anyone to wake.
    waiting: usize,
}

impl Gate {
    fn new(items: usize, window: usize) -> Self {
        Self {
            state: Mutex::new(GateState {
                claimed: 0,
                released: 0,
                stopped: false,
                waiting: 0,
            }),
            changed: Condvar::new(),
            items,
            window,
        }
    }

    /// The next items to work on (up to [`CHUNK`]), once the window has room; `None` when
    /// all were handed out or the run stopped.
    fn claim(&self) -> Option<Range<usize>> {
        let full = |state: &GateState| {
            !state.stopped
                && state.claimed < self.items
                && state.claimed >= state.released + self.window
        };
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while full(&state) {
            state.waiting += 1;
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
            state.waiting -= 1;
        }
        if state.stopped || state.claimed == self.items {
            return None;
        }
        let room = state.released + self.window - state.claimed;
        let start = state.claimed;
        state.claimed += CHUNK.min(room).min(self.items - start);
        Some(start..state.claimed)
    }

    /// `count` more results were taken: their places in the window are free.
    fn release(&self, count: usize) {
        self.update(|state| state.released += count);
    }

    /// No more items are handed out.
    fn stop(&self) {
        self.update(|state| state.stopped = true);
    }

    fn update(&self, change: impl FnOnce(&mut GateState)) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        change(&mut state);
        if state.waiting > 0 {
            self.changed.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    #[test]
    fn results_come_in_item_order_whatever_order_they_finish_in() {
        let items: Vec<u64> = (0..200).collect();
        let mut taken = Vec::new();
        let outcome: Result<(), ()> = for_each_in_order(
            &items,
            8,
            |&item| {
                // Later items finish first within each window.
                std::thread::sleep(Duration::from_micros((200 - item) * 20));
                item * 2
            },
            |result| {
                taken.push(result);
                Ok(())
            },
        );
        assert_eq!(outcome, Ok(()));
        assert_eq!(taken, items.iter().map(|item| item * 2).collect::<Vec<_>>());
    }

    #[test]
    fn no_more_than_a_window_of_items_is_in_flight() {
        let items: Vec<usize> = (0..300).collect();
        let started = AtomicUsize::new(0);
        let mut taken = 0;
        let outcome: Result<(), ()> = for_each_in_order(
            &items,
            5,
            |&item| {
                started.fetch_add(1, Ordering::SeqCst);
                item
            },
            |item| {
                assert_eq!(item, taken);
                taken += 1;
                // Taking item k frees its place: at most k + 1 + 5 items were started.
                assert!(started.load(Ordering::SeqCst) <= taken + 5);
                Ok(())
            },
        );
        assert_eq!(outcome, Ok(()));
        assert_eq!(taken, 300);
    }

    #[test]
    fn an_error_stops_the_run_and_is_returned() {
        let items: Vec<usize> = (0..10_000).collect();
        let worked = AtomicUsize::new(0);
        let outcome = for_each_in_order(
            &items,
            4,
            |&item| {
                worked.fetch_add(1, Ordering::SeqCst);
                item
            },
            |item| if item == 10 { Err(item) } else { Ok(()) },
        );
        assert_eq!(outcome, Err(10));
        assert!(worked.load(Ordering::SeqCst) <= 10 + 1 + 4);
    }

    #[test]
    #[should_panic(expected = "item 7")]
    fn a_panic_in_the_work_reaches_the_caller() {
        let items: Vec<usize> = (0..1_000).collect();
        let _ = for_each_in_order(
            &items,
            2,
            |&item| assert_ne!(item, 7, "item 7"),
            |()| Ok::<(), ()>(()),
        );
    }

    #[test]
    fn one_item_is_worked_on_this_thread() {
        let here = std::thread::current().id();
        let mut taken = None;
        let outcome: Result<(), ()> = for_each_in_order(
            &[21],
            4,
            |&item| (item * 2, std::thread::current().id()),
            |result| {
                taken = Some(result);
                Ok(())
            },
        );
        assert_eq!(outcome, Ok(()));
        assert_eq!(taken, Some((42, here)));
    }

    #[test]
    fn no_items_no_work() {
        let outcome: Result<(), ()> =
            for_each_in_order(&[] as &[u8], 4, |_| unreachable!(), |()| Ok(()));
        assert_eq!(outcome, Ok(()));
    }
}
