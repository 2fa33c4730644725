/** The reference device agent (DESIGN.md §4) and the fleet simulator that runs many of them. */
package dev.rollout.agent;
