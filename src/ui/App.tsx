import { useCallback, useEffect, useState } from 'react';
import { testImagesWords } from '../page/classNames';
import type { TrainerClient } from '../page/client';
import { withComparedInQuery } from '../page/compare';
import type { RunKeeper } from '../page/keeper';
import { settingsToQuery } from '../protocol/settingsQuery';
import { AboutData } from './components/AboutData';
import { ChartsCard } from './components/ChartsCard';
import { CodeView } from './components/CodeView';
import { CompareView } from './components/CompareView';
import { DataPanel } from './components/DataPanel';
import { DatasetPanel } from './components/DatasetPanel';
import { DrawCard } from './components/DrawCard';
import { ErrorBoundary } from './components/ErrorBoundary';
import { EvaluateControl } from './components/EvaluateControl';
import { FatalPanel } from './components/FatalPanel';
import { FineTune } from './components/FineTune';
import { GlossaryPanel } from './components/GlossaryPanel';
import { HandwritingScore } from './components/HandwritingScore';
import { Header } from './components/Header';
import { InsightPanel } from './components/InsightPanel';
import { KeepPanel } from './components/KeepPanel';
import { LinkNotice } from './components/LinkNotice';
import { NetworkPicture } from './components/NetworkPicture';
import { PresetButtons } from './components/PresetButtons';
import { RateFinderPanel } from './components/RateFinderPanel';
import { isRunning, RunPanel } from './components/RunPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { SpeedrunPanel } from './components/SpeedrunPanel';
import { UpdateBanner } from './components/UpdateBanner';
import { YourDigits } from './components/YourDigits';
import { useComparison } from './hooks/useComparison';
import { useEvaluation } from './hooks/useEvaluation';
import { useFineTune } from './hooks/useFineTune';
import { useGallery } from './hooks/useGallery';
import { useHandwritingScore } from './hooks/useHandwritingScore';
import { useKeeper } from './hooks/useKeeper';
import { useLearner } from './hooks/useLearner';
import { useOpinion } from './hooks/useOpinion';
import { usePadDigits } from './hooks/usePadDigits';
import { presetRunForm, usePresetRun } from './hooks/usePresetRun';
import { useReading } from './hooks/useReading';
import { useRunQueue } from './hooks/useRunQueue';
import { useSettingsForm } from './hooks/useSettingsForm';
import { useTrainer } from './hooks/useTrainer';
import { jumpTo, whyJump } from './jumps';
import { shownNetwork, stackPictureLayers } from './network';

/**
 * One screen: Train and where the run is along the top; settings, the live charts and the network, and
 * the drawing pad side by side below it (stacked in that order of use on a narrow screen); the views
 * inside the network in tabs under them; keeping, sharing and the data last.
 */
export function App({ client, keeper }: { client: TrainerClient; keeper: RunKeeper }) {
  const snapshot = useTrainer(client);
  const form = useSettingsForm(window.location.search);
  const digit = useReading(client, snapshot);
  const gallery = useGallery(client, snapshot);
  const opinion = useOpinion(snapshot, digit.drawing, digit.isAboutDrawing);
  const evaluation = useEvaluation(client, snapshot);
  const padDigits = usePadDigits(digit.setDrawing);
  const handwriting = useHandwritingScore(client, snapshot, padDigits.digits.digits, digit.canRead);
  const fineTune = useFineTune(client, snapshot, padDigits.digits.digits, digit.canRead);
  // Your digits are digits: their score means nothing for an imported data set's classes.
  const score = snapshot.dataset ? null : (
    <HandwritingScore
      score={handwriting}
      testDigits={padDigits.digits.digits.filter((d) => d.testOnly).length}
      mnistAccuracy={snapshot.finalTest?.accuracy ?? snapshot.epochs.at(-1)?.testAccuracy ?? null}
    />
  );
  const learner = useLearner(client, snapshot, digit.drawing);
  const [tab, setTab] = useState('matrix');
  const { phase, error } = snapshot;
  const retryData = useCallback(() => client.retryData(), [client]);
  const keep = useKeeper(keeper);
  // An Open or Resume on its way to the worker: Train waits for it (src/page/keeper.ts says why).
  const { pending } = keep;
  const comparison = useComparison(keeper, keep);
  const queue = useRunQueue(client, snapshot, keep, comparison.show);
  const presetRun = usePresetRun(queue.state, snapshot.runSettings);
  // An opened (or resumed) saved run's settings fill the form, so that the link and Train again are its own.
  const { setAll } = form;
  const { arrived } = snapshot;
  useEffect(() => {
    if (arrived?.settings) setAll(arrived.settings);
  }, [arrived, setAll]);

  const train = () => {
    // NOTE: the keeper's live state, not this render's: a click in the same task as Resume sees it.
    if (!form.settings || keeper.getSnapshot().pending) return;
    // The address bar now holds this run's settings, so the link reproduces it.
    window.history.replaceState(
      null,
      '',
      withComparedInQuery(settingsToQuery(form.settings), comparison.selected),
    );
    client.train(form.settings);
  };

  const header = (
    <Header
      adapter={snapshot.adapter}
      matmulVariant={snapshot.matmulVariant}
      failed={phase === 'failed'}
      memory={phase === 'lost' || phase === 'recovering' ? null : snapshot.memory}
      lede={learner.lede}
      actions={learner.actions}
    />
  );
  if (phase === 'failed' && error?.fatal) {
    return (
      <div className="app">
        <UpdateBanner />
        {header}
        <main>
          <FatalPanel error={error} />
        </main>
        <AboutData />
      </div>
    );
  }

  const running = isRunning(snapshot);
  // The picture shows an imported model, else the run's while it runs, else the form's (network.ts).
  const imported = keep.shown?.imported;
  const network = shownNetwork(snapshot.runSettings, form.settings, running);
  const layers = imported ? stackPictureLayers(imported.inputDim, imported.layers) : network.layers;
  return (
    <div className={learner.present ? 'app present' : 'app'}>
      <UpdateBanner />
      {header}
      <LinkNotice notes={form.notes} onDismiss={form.dismissNotes} />
      <main className={running ? 'screen running' : 'screen'}>
        <ErrorBoundary part="The run">
          <RunPanel
            snapshot={snapshot}
            canStart={form.settings !== undefined && !pending}
            onTrain={train}
            commands={client.commands}
            importedName={imported ? keep.shown?.name : undefined}
            presetRun={presetRun}
          />
        </ErrorBoundary>
        <ErrorBoundary part="The settings">
          <SettingsPanel
            form={running && presetRun && snapshot.runSettings ? presetRunForm(snapshot.runSettings) : form}
            disabled={running}
          />
        </ErrorBoundary>
        {/* NOTE: display: contents on a narrow screen, so that its parts take their own places in the order. */}
        <div className="live">
          <ErrorBoundary part="The charts">
            <ChartsCard snapshot={snapshot} running={running} formSettings={form.settings}>
              {learner.summary}
            </ChartsCard>
          </ErrorBoundary>
          <ErrorBoundary part="The network picture">
            <section className="card network-card" aria-label="The network">
              <NetworkPicture
                layers={layers}
                drawing={digit.drawing}
                activations={digit.reading?.activations ?? []}
                outgoing={digit.reading?.outgoing ?? null}
                probabilities={digit.reading?.probabilities ?? null}
                untrained={!imported && network.untrained}
              />
            </section>
          </ErrorBoundary>
        </div>
        <ErrorBoundary part="The drawing pad">
          <DrawCard
            client={client}
            snapshot={snapshot}
            digit={digit}
            padDigits={padDigits}
            score={score}
            cue={learner.drawCue}
            onWhy={() => {
              setTab('saliency');
              jumpTo(document.getElementById('insight-title'), whyJump());
            }}
          />
        </ErrorBoundary>
      </main>
      <ErrorBoundary part="Inside the network">
        <InsightPanel
          snapshot={snapshot}
          gallery={gallery}
          drawing={digit.drawing}
          reading={digit.reading}
          opinion={opinion}
          onTry={(pixels, caption) => client.showOnPad(pixels, caption)}
          evaluate={
            <EvaluateControl
              evaluation={evaluation.evaluation}
              running={evaluation.running}
              whyNot={evaluation.whyNot}
              onEvaluate={evaluation.evaluate}
              testImages={testImagesWords(snapshot.dataset)}
            />
          }
          tab={tab}
          onTab={setTab}
          yourDigits={handwriting?.verdicts}
        />
      </ErrorBoundary>
      <ErrorBoundary part="The learning-rate finder">
        <RateFinderPanel
          phase={phase}
          result={snapshot.rateFinder}
          canStart={phase === 'ready' && form.settings !== undefined && !pending}
          onFind={() => form.settings && client.findRate(form.settings)}
          onStop={() => client.stop()}
          onUse={(learningRate) => form.setField('learningRate', learningRate)}
        />
      </ErrorBoundary>
      <ErrorBoundary part="The speedrun">
        <SpeedrunPanel
          client={client}
          progress={snapshot.speedrun}
          adapter={snapshot.adapter}
          fallback={snapshot.fallbackAdapter}
          canStart={phase === 'ready' && !pending}
        />
      </ErrorBoundary>
      <ErrorBoundary part="Compare runs">
        <CompareView
          keep={keep}
          comparison={comparison}
          presets={
            <PresetButtons
              settings={form.settings}
              canStart={phase === 'ready' && form.settings !== undefined && !pending}
              queue={queue}
            />
          }
        />
      </ErrorBoundary>
      <ErrorBoundary part="The code view">
        <CodeView settings={form.settings} dataset={snapshot.dataset} />
      </ErrorBoundary>
      <ErrorBoundary part="Your digits">
        <YourDigits
          keeper={padDigits.keeper}
          score={
            <>
              {score}
              {fineTune && !snapshot.dataset && <FineTune {...fineTune} />}
            </>
          }
        />
      </ErrorBoundary>
      <GlossaryPanel />
      <div className="more">
        <ErrorBoundary part="Keep and share">
          <KeepPanel
            keeper={keeper}
            keep={keep}
            client={client}
            phase={phase}
            trained={snapshot.runSettings !== null}
            link={form.settings ? new URL(settingsToQuery(form.settings), window.location.href).href : null}
          />
        </ErrorBoundary>
        <ErrorBoundary part="The training data">
          <DataPanel
            phase={phase}
            loading={snapshot.loading}
            samples={snapshot.samples}
            dataError={snapshot.dataError}
            onRetry={retryData}
            browse={learner.browse}
            dataset={snapshot.dataset}
          />
        </ErrorBoundary>
        <ErrorBoundary part="The data set">
          <DatasetPanel
            client={client}
            phase={phase}
            dataset={snapshot.dataset}
            datasetRequest={snapshot.datasetRequest}
          />
        </ErrorBoundary>
      </div>
      <AboutData />
    </div>
  );
}
