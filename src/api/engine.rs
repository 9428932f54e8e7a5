//! `Engine`: the compilation environment every module is compiled for, built from a
//! [`Config`]; creating one installs the process's signal handlers.

use crate::config::Config;
use std::sync::Arc;

/// A compilation environment: modules compiled for one engine share its configuration.
/// Cheap to clone.
#[derive(Clone, Debug)]
pub struct Engine {
    inner: Arc<Config>,
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
            inner: Arc::new(config.clone()),
        }
    }

    /// The engine's configuration.
    pub fn config(&self) -> &Config {
        &self.inner
    }

    /// The configuration, shared (modules keep it for their instances).
    pub(crate) fn shared_config(&self) -> Arc<Config> {
        self.inner.clone()
    }

    /// Whether two handles are the same engine.
    pub fn same(a: &Engine, b: &Engine) -> bool {
        Arc::ptr_eq(&a.inner, &b.inner)
    }
}
