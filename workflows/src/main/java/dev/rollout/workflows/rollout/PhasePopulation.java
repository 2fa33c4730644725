package dev.rollout.workflows.rollout;

/**
 * The devices a phase covers.
 *
 * @param population eligible devices of target ∩ the phase's cohort selector
 * @param target ceil(percent% x population): how many of them must be assigned by the end of the
 *     phase
 */
public record PhasePopulation(String name, long population, long target) {}
