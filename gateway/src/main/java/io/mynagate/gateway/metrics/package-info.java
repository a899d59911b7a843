/** Prometheus metrics of the gateway (Micrometer). */
package io.mynagate.gateway.metrics;
