/**
 * State shared by gateway instances: the deny list of logged-out sessions and subjects, and the
 * single-use caches of logout-token and DPoP-proof {@code jti}s. In memory for a single gateway,
 * in Redis for several; the configured fail mode decides what happens while Redis is unreachable.
 */
package io.mynagate.gateway.state;
