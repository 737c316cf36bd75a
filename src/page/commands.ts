// What the run's controls ask of the worker, as one object the components are handed (App → RunPanel →
// Controls, DeviceLostAlert, RateControl) rather than a callback each; TrainerClient.commands sends them.
// Train is not among them: it needs the form's settings and the keeper's word (App's train()).
export interface RunCommands {
  pause(): void;
  resume(): void;
  /** Step mode: one batch of the paused run, which stays paused. */
  step(): void;
  stop(): void;
  /** After the device was lost: a new device, and the run goes on from its last checkpoint. */
  recover(): void;
  /** The run going on trains at `learningRate` from its next batch. */
  setLearningRate(learningRate: number): void;
}
