/** In-process timing harnesses for the gateway's hot path (run by hand, not by the build). */
package io.mynagate.gateway.perf;
