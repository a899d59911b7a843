/** The {@code bin/card-simulator} command line (picocli). */
package io.mynagate.simulator.cli;
