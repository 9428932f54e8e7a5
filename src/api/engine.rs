//! `Engine`: the compilation environment every module is compiled for, built from a
//! [`Config`]; creating one installs the process's signal handlers.

use crate::config::Config;
use crate::runtime::limits::LiveInstances;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A compilation environment: modules compiled for one engine share its configuration
/// and its epoch counter. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Engine {
    inner: Arc<Shared>,
}

/// What an engine's handles share: one word per handle, so that a `Module` (which holds
/// its engine) stays two words.
#[derive(Debug)]
struct Shared {
    config: Arc<Config>,
    epoch: Arc<AtomicU64>,
    instances: Arc<LiveInstances>,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new(&Config::default())
    }
}

impl Engine {
    /// Creates an engine with a copy of `config`.
    pub fn new(config: &Config) -> Engine {
        crate::runtime::signals::install_handlers();
        Engine {
            inner: Arc::new(Shared {
                config: Arc::new(config.clone()),
                epoch: Arc::new(AtomicU64::new(0)),
                instances: LiveInstances::new(config.max_instances),
            }),
        }
    }

    /// Advances the engine's epoch by one. Calls of instances whose epoch deadline
    /// ([`Instance::set_epoch_deadline`](crate::Instance::set_epoch_deadline)) this
    /// reaches trap with [`TrapKind::Interrupted`](crate::TrapKind::Interrupted) at their
    /// next function entry or loop iteration, also those running on other threads now.
    /// Call it from a timer thread to give calls wall-clock budgets: a deadline of `n`
    /// ticks of a 10 ms timer stops a call after 10(n - 1) to 10n ms.
    pub fn increment_epoch(&self) {
        self.inner.epoch.fetch_add(1, Ordering::SeqCst);
        crate::runtime::interrupt::interrupt_running();
    }

    /// The epoch: how many times [`increment_epoch`](Engine::increment_epoch) was called.
    pub fn current_epoch(&self) -> u64 {
        self.inner.epoch.load(Ordering::SeqCst)
    }

    /// The epoch counter, shared (modules keep it for their instances' deadlines).
    pub(crate) fn epoch_counter(&self) -> Arc<AtomicU64> {
        self.inner.epoch.clone()
    }

    /// The count of the engine's live instances, with its cap.
    pub(crate) fn live_instances(&self) -> &Arc<LiveInstances> {
        &self.inner.instances
    }

    /// The engine's configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The configuration, shared (modules keep it for their instances).
    pub(crate) fn shared_config(&self) -> Arc<Config> {
        self.inner.config.clone()
    }

    /// Whether two handles are the same engine.
    pub fn same(a: &Engine, b: &Engine) -> bool {
        Arc::ptr_eq(&a.inner, &b.inner)
    }
}
