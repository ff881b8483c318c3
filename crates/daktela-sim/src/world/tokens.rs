//! Access and refresh tokens. UNCONFIRMED(D6): real lifetimes are unknown, so tokens live
//! until a control call expires them.

use super::World;
use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher, RandomState};

/// Token → agent login.
#[derive(Debug, Clone, Default)]
pub(super) struct Tokens {
    access: HashMap<String, String>,
    refresh: HashMap<String, String>,
}

/// 128 unpredictable bits as hex. `RandomState` is randomly keyed per process, which is enough
/// for a simulator (these tokens guard nothing real).
fn random_token() -> String {
    let mut out = String::with_capacity(32);
    for _ in 0..2 {
        let mut h = RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}

impl World {
    pub(super) fn seed_static_tokens(&mut self) {
        for a in &self.agents {
            self.tokens
                .access
                .insert(a.static_token.clone(), a.login.clone());
        }
    }

    /// Checks credentials and issues `(accessToken, refreshToken)`.
    pub fn login(&mut self, username: &str, password: &str) -> Option<(String, String)> {
        let agent = self
            .agents
            .iter()
            .find(|a| a.login == username && a.password == password)?;
        let login = agent.login.clone();
        Some(self.issue(&login))
    }

    /// Swaps a refresh token for a new pair; the refresh token is single-use.
    pub fn refresh(&mut self, refresh_token: &str) -> Option<(String, String)> {
        let login = self.tokens.refresh.remove(refresh_token)?;
        Some(self.issue(&login))
    }

    fn issue(&mut self, login: &str) -> (String, String) {
        let (access, refresh) = (random_token(), random_token());
        self.tokens.access.insert(access.clone(), login.to_owned());
        self.tokens
            .refresh
            .insert(refresh.clone(), login.to_owned());
        (access, refresh)
    }

    /// The agent an access token belongs to.
    pub fn agent_for_token(&self, token: &str) -> Option<&str> {
        self.tokens.access.get(token).map(String::as_str)
    }

    /// Invalidates access tokens (of one agent, or everyone's); refresh tokens too if asked.
    /// Returns how many tokens were dropped.
    pub fn expire_tokens(&mut self, agent: Option<&str>, include_refresh: bool) -> usize {
        let keep = |owner: &String| agent.is_some_and(|a| a != owner);
        let before = self.tokens.access.len() + self.tokens.refresh.len();
        self.tokens.access.retain(|_, owner| keep(owner));
        if include_refresh {
            self.tokens.refresh.retain(|_, owner| keep(owner));
        }
        before - self.tokens.access.len() - self.tokens.refresh.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_distinct_tokens_and_rotates_refresh_tokens() {
        let mut w = World::seeded();
        let (a1, r1) = w.login("agent1", "agent1pass").unwrap();
        let (a2, r2) = w.refresh(&r1).unwrap();
        assert_ne!(a1, a2);
        assert_ne!(r1, r2);
        assert!(w.refresh(&r1).is_none(), "a refresh token works once");
        assert_eq!(w.agent_for_token(&a2), Some("agent1"));
        assert!(w.login("agent1", "wrong").is_none());
    }

    #[test]
    fn expires_only_the_named_agents_access_tokens() {
        let mut w = World::seeded();
        let (a1, r1) = w.login("agent1", "agent1pass").unwrap();
        let (a2, _) = w.login("agent2", "agent2pass").unwrap();
        assert!(w.expire_tokens(Some("agent1"), false) >= 2);
        assert!(w.agent_for_token(&a1).is_none());
        assert!(w.agent_for_token("sim-static-token-agent1").is_none());
        assert_eq!(w.agent_for_token(&a2), Some("agent2"));
        assert!(w.refresh(&r1).is_some(), "refresh survives unless asked");
    }
}
