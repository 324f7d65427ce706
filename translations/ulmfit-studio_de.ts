<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BatchController</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Tokenizing the dataset (first time only) and drawing a batch…</source>
        <translation>Datensatz wird tokenisiert (nur beim ersten Mal) und ein Batch gezogen…</translation>
    </message>
</context>
<context>
    <name>DatasetController</name>
    <message>
        <source>Get IMDb</source>
        <translation>IMDb holen</translation>
    </message>
    <message>
        <source>Open dataset folder</source>
        <translation>Datensatz-Ordner öffnen</translation>
    </message>
    <message>
        <source>Open dataset archive</source>
        <translation>Datensatz-Archiv öffnen</translation>
    </message>
    <message>
        <source>Archives (*.tgz *.tar.gz *.tar *.zip);;All files (*)</source>
        <translation>Archive (*.tgz *.tar.gz *.tar *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open dataset</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <source>%1 (%2 reviews)</source>
        <translation>%1 (%2 Rezensionen)</translation>
    </message>
</context>
<context>
    <name>DeviceInfo</name>
    <message>
        <source>CPU (1 thread)</source>
        <translation>CPU (1 Thread)</translation>
    </message>
    <message>
        <source>CPU (%1 threads)</source>
        <translation>CPU (%1 Threads)</translation>
    </message>
</context>
<context>
    <name>EngineBridge</name>
    <message>
        <source>%L1 reviews, %L2 tokens, vocabulary of %L3 (%4)</source>
        <translation>%L1 Rezensionen, %L2 Tokens, Vokabular mit %L3 Einträgen (%4)</translation>
    </message>
    <message>
        <source>already in the token cache</source>
        <translation>bereits im Token-Cache</translation>
    </message>
    <message>
        <source>tokens cached for training</source>
        <translation>Tokens für das Training zwischengespeichert</translation>
    </message>
</context>
<context>
    <name>EngineWorker</name>
    <message>
        <source>unexpected error</source>
        <translation>unerwarteter Fehler</translation>
    </message>
</context>
<context>
    <name>EvaluateController</name>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation>Entpacken</translation>
    </message>
    <message>
        <source>Verifying the checksum</source>
        <translation>Prüfsumme wird geprüft</translation>
    </message>
    <message>
        <source>Scanning the dataset</source>
        <translation>Datensatz wird eingelesen</translation>
    </message>
    <message>
        <source>Tokenizing</source>
        <translation>Tokenisieren</translation>
    </message>
    <message>
        <source>Numericalizing</source>
        <translation>Numerisieren</translation>
    </message>
    <message>
        <source>Reading the token cache</source>
        <translation>Token-Cache wird gelesen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>Trying learning rates</source>
        <translation>Lernraten ausprobieren</translation>
    </message>
</context>
<context>
    <name>ModelCsvWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>PlotExporter</name>
    <message>
        <source>Cannot write the plots to %1</source>
        <translation>Die Diagramme können nicht nach %1 geschrieben werden</translation>
    </message>
    <message>
        <source>ULMFiT training plots</source>
        <translation>ULMFiT-Trainingsdiagramme</translation>
    </message>
</context>
<context>
    <name>PredictBridge</name>
    <message>
        <source>Model: %1 (classes %2)%3</source>
        <translation>Modell: %1 (Klassen %2)%3</translation>
    </message>
    <message>
        <source>; no language model for generation</source>
        <translation>; kein Sprachmodell zum Generieren</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) classified.</source>
        <translation>
            <numerusform>%n Datei klassifiziert.</numerusform>
            <numerusform>%n Dateien klassifiziert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PredictController</name>
    <message>
        <source>Predict</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Could not load the model: %1</source>
        <translation>Das Modell konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>RecipeText</name>
    <message>
        <source>Language model</source>
        <translation>Sprachmodell</translation>
    </message>
    <message>
        <source>Classifier</source>
        <translation>Klassifikator</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A training stage&apos;s title: the model&apos;s name, then fastai&apos;s calls, e.g. &quot;unfreeze(); fit_one_cycle(10, 2e-3)&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>rückwärts</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>vorwärts</translation>
    </message>
</context>
<context>
    <name>StudioController</name>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>ULMFiT models (*.pt *.ulmfit);;All files (*)</source>
        <translation>ULMFiT-Modelle (*.pt *.ulmfit);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The model file %1 no longer exists.</source>
        <translation>Die Modelldatei %1 existiert nicht mehr.</translation>
    </message>
</context>
<context>
    <name>TrainController</name>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Download %1</source>
        <translation>%1 herunterladen</translation>
    </message>
    <message>
        <source>Install %1</source>
        <translation>%1 installieren</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>A training run is in progress in %1.

Quit and stop it? It stops at the end of the current batch; its last finished epoch is kept as a checkpoint, and Train › Resume interrupted run… continues from it.</source>
        <translation>In %1 läuft ein Training.

Beenden und das Training anhalten? Es hält am Ende des aktuellen Batches an; seine letzte fertige Epoche bleibt als Checkpoint erhalten, und Training › Unterbrochenen Lauf fortsetzen… macht dort weiter.</translation>
    </message>
    <message>
        <source>Resume interrupted run</source>
        <translation>Unterbrochenen Lauf fortsetzen</translation>
    </message>
    <message>
        <source>%1

Open that dataset (File › Open dataset folder…), then resume.</source>
        <translation>%1

Öffnen Sie diesen Datensatz (Datei › Datensatz-Ordner öffnen…) und setzen Sie den Lauf dann fort.</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::AttributionView</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>word: %1</source>
        <translation>Wort: %1</translation>
    </message>
    <message>
        <source>toward %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>against %1</source>
        <translation>gegen %1</translation>
    </message>
    <message>
        <source>strongest |score|: %1</source>
        <translation>stärkster |Wert|: %1</translation>
    </message>
    <message>
        <source>Word attributions</source>
        <translation>Wortbeiträge</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::BatchClassifyPane</name>
    <message>
        <source>Classify folder…</source>
        <translation>Ordner klassifizieren…</translation>
    </message>
    <message>
        <source>Classify files…</source>
        <translation>Dateien klassifizieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>No .txt files to classify.</source>
        <translation>Keine .txt-Dateien zum Klassifizieren.</translation>
    </message>
    <message numerus="yes">
        <source>Classifying %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird klassifiziert…</numerusform>
            <numerusform>%n Dateien werden klassifiziert…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 classified</source>
        <translation>%1 von %2 klassifiziert</translation>
    </message>
    <message>
        <source>Folder of reviews</source>
        <translation>Ordner mit Rezensionen</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Rezensionen</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation>Vorhersagen exportieren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::BatchView</name>
    <message>
        <source>Language model (text / text_)</source>
        <translation>Sprachmodell (text / text_)</translation>
    </message>
    <message>
        <source>Classifier (text / category)</source>
        <translation>Klassifikator (text / category)</translation>
    </message>
    <message>
        <source>Show &amp;batch</source>
        <translation>&amp;Batch zeigen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Data loader:</source>
        <translation>Data Loader:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Press “Show batch” to tokenize the dataset and draw a batch.</source>
        <translation>Klicken Sie auf „Batch zeigen“, um den Datensatz zu tokenisieren und einen Batch zu ziehen.</translation>
    </message>
    <message>
        <source>Open a dataset on the Dataset page first.</source>
        <translation>Öffnen Sie zuerst auf der Seite „Datensatz“ einen Datensatz.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Another &amp;batch</source>
        <translation>&amp;Weiterer Batch</translation>
    </message>
    <message>
        <source>Rows shown: %1. Special tokens (xxbos, xxmaj, …) are highlighted.</source>
        <translation>Angezeigte Zeilen: %1. Spezial-Tokens (xxbos, xxmaj, …) sind hervorgehoben.</translation>
    </message>
    <message>
        <source>Could not build a batch: %1</source>
        <translation>Batch konnte nicht erstellt werden: %1</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::ClassMetricsModel</name>
    <message>
        <source>class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>Trefferquote</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>Rezensionen</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::ClassifierPage</name>
    <message>
        <source>Classifier</source>
        <translation>Klassifikator</translation>
    </message>
    <message>
        <source>The classifier reuses the fine-tuned encoder and unfreezes it a few layer groups at a time.</source>
        <translation>Der Klassifikator übernimmt den feinabgestimmten Encoder und taut ihn schrittweise, einige Schichtgruppen auf einmal, auf.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>whole review</source>
        <translation>ganze Rezension</translation>
    </message>
    <message>
        <source>Tokens read per review:</source>
        <translation>Gelesene Tokens pro Rezension:</translation>
    </message>
    <message>
        <source>drop_mult:</source>
        <translation>drop_mult:</translation>
    </message>
    <message>
        <source>Stages (gradual unfreezing)</source>
        <translation>Phasen (schrittweises Auftauen)</translation>
    </message>
    <message>
        <source>Double-click a cell to edit. Freeze -1 trains the head only, 0 unfreezes everything; rates are 2e-2 or slice(1e-2/2.6**4, 1e-2).</source>
        <translation>Zum Bearbeiten auf eine Zelle doppelklicken. Freeze -1 trainiert nur den Kopf, 0 taut alles auf; Lernraten sind z. B. 2e-2 oder slice(1e-2/2.6**4, 1e-2).</translation>
    </message>
    <message>
        <source>The encoder reads each review in chunks of this many tokens (the book: 72).</source>
        <translation>Der Encoder liest jede Rezension in Stücken dieser Länge (das Buch: 72).</translation>
    </message>
    <message>
        <source>Chunk length:</source>
        <translation>Stücklänge:</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::ClassifyPane</name>
    <message>
        <source>Type or paste a review, or drop a .txt file here…</source>
        <translation>Rezension eingeben oder einfügen, oder eine .txt-Datei hierher ziehen…</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Open .txt…</source>
        <translation>.txt öffnen…</translation>
    </message>
    <message>
        <source>Prediction:</source>
        <translation>Vorhersage:</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>Wird klassifiziert…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Open a review</source>
        <translation>Rezension öffnen</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Integrated Gradients</source>
        <translation>Integrated Gradients</translation>
    </message>
    <message>
        <source>Attention (fastai)</source>
        <translation>Attention (fastai)</translation>
    </message>
    <message>
        <source>Integrated Gradients: signed scores that add up to the change of the logit; attention: fastai&apos;s gradient magnitude per word, 0 to 1.</source>
        <translation>Integrated Gradients: vorzeichenbehaftete Werte, deren Summe die Änderung des Logits ist; Attention: fastais Gradientenbetrag je Wort, 0 bis 1.</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Warum:</translation>
    </message>
    <message>
        <source>Save the explained review</source>
        <translation>Erklärte Rezension speichern</translation>
    </message>
    <message>
        <source>HTML page (*.html);;PNG image (*.png)</source>
        <translation>HTML-Seite (*.html);;PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>%1: %2 %3 %</source>
        <translation>%1: %2 %3 %</translation>
    </message>
    <message>
        <source>Ensemble of %1</source>
        <translation>Ensemble aus %1</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::ConfusionMatrixWidget</name>
    <message>
        <source>No evaluation yet</source>
        <translation>Noch keine Auswertung</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <source>confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>tatsächlich</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::DataPage</name>
    <message>
        <source>Tokenize now</source>
        <translation>Jetzt tokenisieren</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Choose a preset and the labelled reviews to train on (a folder with train/ and test/, or a .tgz).</source>
        <translation>Wählen Sie eine Vorlage und die gelabelten Rezensionen für das Training (ein Ordner mit train/ und test/ oder eine .tgz-Datei).</translation>
    </message>
    <message>
        <source>Book (GPU)</source>
        <translation>Buch (GPU)</translation>
    </message>
    <message>
        <source>Quick (CPU)</source>
        <translation>Schnell (CPU)</translation>
    </message>
    <message>
        <source>imdb/ folder or imdb_sample.tgz</source>
        <translation>Ordner imdb/ oder imdb_sample.tgz</translation>
    </message>
    <message>
        <source>default: a new folder under the application&apos;s runs/</source>
        <translation>Standard: ein neuer Ordner unter runs/ der Anwendung</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Dataset:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <source>Output folder:</source>
        <translation>Ausgabeordner:</translation>
    </message>
    <message>
        <source>Vocabulary size (max):</source>
        <translation>Vokabulargröße (max.):</translation>
    </message>
    <message>
        <source>Minimum word frequency:</source>
        <translation>Minimale Worthäufigkeit:</translation>
    </message>
    <message>
        <source>LM validation share:</source>
        <translation>LM-Validierungsanteil:</translation>
    </message>
    <message>
        <source>Random seed:</source>
        <translation>Zufalls-Seed:</translation>
    </message>
    <message>
        <source>Tokenization:</source>
        <translation>Tokenisierung:</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>Archiv…</translation>
    </message>
    <message>
        <source>Optional: tokenize now and cache the tokens; training does it otherwise.</source>
        <translation>Optional: jetzt tokenisieren und die Tokens zwischenspeichern; sonst erledigt das Training dies.</translation>
    </message>
    <message>
        <source>Tokenizing…</source>
        <translation>Wird tokenisiert…</translation>
    </message>
    <message>
        <source>Dataset archive</source>
        <translation>Datensatz-Archiv</translation>
    </message>
    <message>
        <source>Archives (*.tgz *.tar.gz *.tar)</source>
        <translation>Archive (*.tgz *.tar.gz *.tar)</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Ordner wählen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; does not exist. Choose the dataset folder or its .tgz archive.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; existiert nicht. Wählen Sie den Datensatz-Ordner oder sein .tgz-Archiv.</translation>
    </message>
    <message>
        <source>Tokenization failed: %1</source>
        <translation>Tokenisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Book, bidirectional (GPU)</source>
        <translation>Buch, bidirektional (GPU)</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::DatasetStatsWidget</name>
    <message>
        <source>Review length</source>
        <translation>Länge der Rezensionen</translation>
    </message>
    <message>
        <source>Label balance</source>
        <translation>Verteilung der Labels</translation>
    </message>
    <message>
        <source>Length (kB of text; last bar: longer)</source>
        <translation>Länge (kB Text; letzter Balken: länger)</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Rezensionen</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::DatasetTreeModel</name>
    <message>
        <source>All reviews</source>
        <translation>Alle Rezensionen</translation>
    </message>
    <message>
        <source>unsup (unlabelled)</source>
        <translation>unsup (ohne Label)</translation>
    </message>
    <message>
        <source>Split / label</source>
        <translation>Split / Label</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Rezensionen</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::DatasetView</name>
    <message>
        <source>&lt;h2&gt;No dataset open&lt;/h2&gt;&lt;p&gt;ULMFiT Studio trains on IMDb movie reviews in the fastai layout: &lt;tt&gt;train/&lt;/tt&gt; and &lt;tt&gt;test/&lt;/tt&gt; folders with one subfolder per label (&lt;tt&gt;pos&lt;/tt&gt;, &lt;tt&gt;neg&lt;/tt&gt;) and an optional &lt;tt&gt;unsup/&lt;/tt&gt;.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Kein Datensatz geöffnet&lt;/h2&gt;&lt;p&gt;ULMFiT Studio trainiert mit IMDb-Filmrezensionen im fastai-Layout: Ordner &lt;tt&gt;train/&lt;/tt&gt; und &lt;tt&gt;test/&lt;/tt&gt; mit je einem Unterordner pro Label (&lt;tt&gt;pos&lt;/tt&gt;, &lt;tt&gt;neg&lt;/tt&gt;) und optional &lt;tt&gt;unsup/&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Get IMDb (download)…</source>
        <translation>IMDb holen (herunterladen)…</translation>
    </message>
    <message>
        <source>Open dataset folder…</source>
        <translation>Datensatz-Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open archive (.tgz)…</source>
        <translation>Archiv öffnen (.tgz)…</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Rezension</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Filter by file name, rating suffix (_10) or label…</source>
        <translation>Nach Dateiname, Bewertungs-Endung (_10) oder Label filtern…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 reviews</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 Rezensionen</translation>
    </message>
    <message>
        <source>Showing %1 of %2 reviews</source>
        <translation>%1 von %2 Rezensionen angezeigt</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::EpochTableModel</name>
    <message>
        <source>stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>train_loss</source>
        <translation>train_loss</translation>
    </message>
    <message>
        <source>valid_loss</source>
        <translation>valid_loss</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>Perplexität</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::EvaluateView</name>
    <message>
        <source>No model loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>dataset folder with test/&lt;label&gt;/*.txt</source>
        <translation>Datensatz-Ordner mit test/&lt;label&gt;/*.txt</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <source>Test data:</source>
        <translation>Testdaten:</translation>
    </message>
    <message>
        <source>Click a top loss to read the review.</source>
        <translation>Klicken Sie auf einen Top-Verlust, um die Rezension zu lesen.</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Konfusionsmatrix</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Pro Klasse</translation>
    </message>
    <message>
        <source>Top losses (most confidently wrong)</source>
        <translation>Top-Verluste (am sichersten falsch)</translation>
    </message>
    <message>
        <source>Labelled dataset</source>
        <translation>Gelabelter Datensatz</translation>
    </message>
    <message>
        <source>Accuracy %1% on %2 reviews (loss %3)</source>
        <translation>Genauigkeit %1 % auf %2 Rezensionen (Verlust %3)</translation>
    </message>
    <message>
        <source>Evaluation failed: %1</source>
        <translation>Auswertung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>(cannot read %1: %2)</source>
        <translation>(%1 kann nicht gelesen werden: %2)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Actual:&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Predicted:&lt;/b&gt; %2 (%3%) &amp;nbsp; &lt;b&gt;Loss:&lt;/b&gt; %4&lt;/p&gt;&lt;p&gt;%5&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Tatsächlich:&lt;/b&gt; %1 &amp;nbsp; &lt;b&gt;Vorhergesagt:&lt;/b&gt; %2 (%3 %) &amp;nbsp; &lt;b&gt;Verlust:&lt;/b&gt; %4&lt;/p&gt;&lt;p&gt;%5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Review, and the words that decided the prediction</source>
        <translation>Rezension und die Wörter, die die Vorhersage entschieden</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>Ensemble %1% · %2 on %3 reviews</source>
        <translation>Ensemble %1% · %2 bei %3 Rezensionen</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::FilePredictionModel</name>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::GeneratePane</name>
    <message>
        <source>Generate</source>
        <translation>Generieren</translation>
    </message>
    <message>
        <source>Samples from the fine-tuned language model appear here.</source>
        <translation>Hier erscheinen Texte aus dem feinabgestimmten Sprachmodell.</translation>
    </message>
    <message>
        <source>Words:</source>
        <translation>Wörter:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatur:</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>Texte:</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::LanguageModelPage</name>
    <message>
        <source>Language model</source>
        <translation>Sprachmodell</translation>
    </message>
    <message>
        <source>Fine-tune a language model on all the reviews first: it learns the style of IMDb.</source>
        <translation>Zuerst ein Sprachmodell auf allen Rezensionen feinabstimmen: Es lernt den Stil von IMDb.</translation>
    </message>
    <message>
        <source>Stages (freeze, then fit_one_cycle)</source>
        <translation>Phasen (freeze, dann fit_one_cycle)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Ausgangspunkt:</translation>
    </message>
    <message>
        <source>Embedding size:</source>
        <translation>Embedding-Größe:</translation>
    </message>
    <message>
        <source>Hidden size:</source>
        <translation>Hidden-Größe:</translation>
    </message>
    <message>
        <source>LSTM layers:</source>
        <translation>LSTM-Schichten:</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Sequence length:</source>
        <translation>Sequenzlänge:</translation>
    </message>
    <message>
        <source>drop_mult:</source>
        <translation>drop_mult:</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>Weight Decay:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Train the language model on at most this many reviews (a shorter LM stage on a CPU).</source>
        <translation>Das Sprachmodell mit höchstens so vielen Rezensionen trainieren (eine kürzere LM-Phase auf der CPU).</translation>
    </message>
    <message>
        <source>Reviews for the LM:</source>
        <translation>Rezensionen für das LM:</translation>
    </message>
    <message>
        <source>BPTT length of the language model&apos;s batches (the book: 80).</source>
        <translation>BPTT-Länge der Batches des Sprachmodells (das Buch: 80).</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Vorwärts</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>Rückwärts</translation>
    </message>
    <message>
        <source>Both (ensemble)</source>
        <translation>Beide (Ensemble)</translation>
    </message>
    <message>
        <source>Backward reads each review right to left (fastai&apos;s backwards=True, from wt103-bwd). Both trains the two one after the other and averages their classifiers, as the ULMFiT paper&apos;s best IMDb result does; it takes twice as long.</source>
        <translation>Rückwärts liest jede Rezension von rechts nach links (fastais backwards=True, ab wt103-bwd). Beide trainiert nacheinander beide Richtungen und mittelt ihre Klassifikatoren wie das beste IMDb-Ergebnis des ULMFiT-Papers; das dauert doppelt so lange.</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Richtung:</translation>
    </message>
    <message>
        <source>Mixed precision (fp16 on CUDA, bf16 on CPUs that have it)</source>
        <translation>Gemischte Genauigkeit (fp16 mit CUDA, bf16 auf CPUs, die es können)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>after epochs only</source>
        <translation>nur nach Epochen</translation>
    </message>
    <message>
        <source>Also save a checkpoint inside an epoch this often, so that a run interrupted half-way through a long epoch resumes where it was.</source>
        <translation>Auch innerhalb einer Epoche so oft einen Checkpoint speichern, damit ein mitten in einer langen Epoche unterbrochener Lauf dort weitermacht, wo er war.</translation>
    </message>
    <message>
        <source>float16 on a CUDA GPU; bfloat16 on CPUs where it is faster (AMX, or AVX512-BF16 on AMD: about 1.5 times as fast). Weights and the loss stay float32.</source>
        <translation>float16 auf einer CUDA-GPU; bfloat16 auf CPUs, auf denen es schneller ist (AMX oder AVX512-BF16 bei AMD: etwa 1,5-mal so schnell). Gewichte und Verlust bleiben float32.</translation>
    </message>
    <message>
        <source>Checkpoint every:</source>
        <translation>Checkpoint alle:</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::LogModel</name>
    <message>
        <source>trace</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::LogView</name>
    <message>
        <source>Filter messages…</source>
        <translation>Meldungen filtern…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Show level and above:</source>
        <translation>Ab Stufe anzeigen:</translation>
    </message>
    <message>
        <source>Also written to %1</source>
        <translation>Wird auch in %1 geschrieben</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::LossPlot</name>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>train loss (batch)</source>
        <translation>Trainingsverlust (Batch)</translation>
    </message>
    <message>
        <source>train loss (smoothed)</source>
        <translation>Trainingsverlust (geglättet)</translation>
    </message>
    <message>
        <source>valid loss (epoch)</source>
        <translation>Validierungsverlust (Epoche)</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::LrFinderDialog</name>
    <message>
        <source>Use this rate</source>
        <translation>Diese Rate verwenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Find a learning rate</source>
        <translation>Lernrate finden</translation>
    </message>
    <message>
        <source>Preparing the data and the model, then training with a growing learning rate…</source>
        <translation>Daten und Modell werden vorbereitet, dann wird mit wachsender Lernrate trainiert…</translation>
    </message>
    <message>
        <source>Click the plot to pick another rate: fastai&apos;s rule of thumb is a rate where the loss still falls clearly, well before its minimum.</source>
        <translation>Ein Klick in das Diagramm wählt eine andere Rate: fastais Faustregel ist eine Rate, bei der der Verlust noch deutlich fällt, klar vor seinem Minimum.</translation>
    </message>
    <message>
        <source>No suggestion: the loss never fell. %1</source>
        <translation>Kein Vorschlag: Der Verlust fiel nie. %1</translation>
    </message>
    <message>
        <source>Chosen: %1 (suggested: fastai&apos;s valley). %2</source>
        <translation>Gewählt: %1 (vorgeschlagen: fastais valley). %2</translation>
    </message>
    <message>
        <source>lr_find failed: %1</source>
        <translation>lr_find ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::LrFinderPlot</name>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>loss (smoothed)</source>
        <translation>Verlust (geglättet)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>suggested (valley)</source>
        <translation>vorgeschlagen (valley)</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::MainWindow</name>
    <message>
        <source>ULMFiT Studio</source>
        <translation>ULMFiT Studio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Get &amp;IMDb…</source>
        <translation>&amp;IMDb holen…</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Open dataset &amp;folder…</source>
        <translation>Datensatz-&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;archive…</source>
        <translation>&amp;Archiv öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;model…</source>
        <translation>&amp;Modell öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>&amp;Recent models</source>
        <translation>&amp;Zuletzt verwendete Modelle</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About ULMFiT Studio</source>
        <translation>&amp;Über ULMFiT Studio</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Detecting device…</source>
        <translation>Gerät wird erkannt…</translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>No dataset open</source>
        <translation>Kein Datensatz geöffnet</translation>
    </message>
    <message>
        <source>Dataset: %1</source>
        <translation>Datensatz: %1</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>About ULMFiT Studio</source>
        <translation>Über ULMFiT Studio</translation>
    </message>
    <message>
        <source>ULMFiT Studio %1

Fine-tune an AWD-LSTM language model on IMDb and train a sentiment classifier the way chapter 10 of the fastai book does, point and click.</source>
        <translation>ULMFiT Studio %1

Ein AWD-LSTM-Sprachmodell auf IMDb feinabstimmen und einen Stimmungs-Klassifikator trainieren, wie es Kapitel 10 des fastai-Buchs zeigt – per Mausklick.</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::MetricsPlot</name>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>Perplexität</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::PredictView</name>
    <message>
        <source>No model loaded: train one or choose a model folder.</source>
        <translation>Kein Modell geladen: Trainieren Sie eines oder wählen Sie einen Modellordner.</translation>
    </message>
    <message>
        <source>Choose model…</source>
        <translation>Modell wählen…</translation>
    </message>
    <message>
        <source>Generate text</source>
        <translation>Text generieren</translation>
    </message>
    <message>
        <source>Classify files</source>
        <translation>Dateien klassifizieren</translation>
    </message>
    <message>
        <source>Classify a review</source>
        <translation>Rezension klassifizieren</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::PretrainedStartEditor</name>
    <message>
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>Use a local archive…</source>
        <translation>Lokales Archiv verwenden…</translation>
    </message>
    <message>
        <source>WikiText-103 (fastai)</source>
        <translation>WikiText-103 (fastai)</translation>
    </message>
    <message>
        <source>An earlier model of mine</source>
        <translation>Ein früheres eigenes Modell</translation>
    </message>
    <message>
        <source>Nothing (train from scratch)</source>
        <translation>Nichts (von Grund auf trainieren)</translation>
    </message>
    <message>
        <source>fastai&apos;s AWD-LSTM pretrained on WikiText-103 is where the book starts: language_model_learner(dls_lm, AWD_LSTM) downloads it.</source>
        <translation>Das Buch beginnt mit fastais auf WikiText-103 vortrainiertem AWD-LSTM: language_model_learner(dls_lm, AWD_LSTM) lädt es herunter.</translation>
    </message>
    <message>
        <source>⚠ These stages are the book&apos;s fine-tuning stages for a pretrained model. From random weights every layer group trains from the first stage, and the language model and the classifier end well below the book&apos;s (its ~94.8 % needs the WikiText-103 start).</source>
        <translation>⚠ Diese Stufen sind die Feinabstimmungsstufen des Buchs für ein vortrainiertes Modell. Von zufälligen Gewichten aus trainiert jede Schichtgruppe ab der ersten Stufe, und Sprachmodell und Klassifikator bleiben deutlich unter denen des Buchs (seine ~94,8 % brauchen den Start mit WikiText-103).</translation>
    </message>
    <message>
        <source>Offline: fastai&apos;s wt103-fwd.tgz, or a folder with its lstm_fwd.pth and itos_wt103.pkl</source>
        <translation>Offline: fastais wt103-fwd.tgz oder ein Ordner mit dessen lstm_fwd.pth und itos_wt103.pkl</translation>
    </message>
    <message>
        <source>a language-model folder (a run&apos;s lm/, an import) or an encoder.pt</source>
        <translation>ein Sprachmodell-Ordner (lm/ eines Laufs, ein Import) oder eine encoder.pt</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>, vocabulary of %1 tokens</source>
        <translation>, Vokabular mit %1 Tokens</translation>
    </message>
    <message>
        <source>%1 installed (%2%3)</source>
        <translation>%1 installiert (%2%3)</translation>
    </message>
    <message>
        <source>%1 is not usable: %2</source>
        <translation>%1 ist nicht verwendbar: %2</translation>
    </message>
    <message>
        <source>%1 is not installed yet (about 105 MB).</source>
        <translation>%1 ist noch nicht installiert (etwa 105 MB).</translation>
    </message>
    <message>
        <source>fastai&apos;s WikiText-103 archive</source>
        <translation>fastais WikiText-103-Archiv</translation>
    </message>
    <message>
        <source>Archives (*.tgz *.tar.gz *.tar *.zip);;All files (*)</source>
        <translation>Archive (*.tgz *.tar.gz *.tar *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Language-model folder</source>
        <translation>Sprachmodell-Ordner</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::ReviewListModel</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::ReviewViewer</name>
    <message>
        <source>Show &amp;tokens</source>
        <translation>&amp;Tokens zeigen</translation>
    </message>
    <message>
        <source>Show the review as the fastai tokenizer splits it; special tokens such as xxbos and xxmaj are highlighted</source>
        <translation>Die Rezension so zeigen, wie der fastai-Tokenizer sie zerlegt; Spezial-Tokens wie xxbos und xxmaj sind hervorgehoben</translation>
    </message>
    <message>
        <source>No review selected</source>
        <translation>Keine Rezension ausgewählt</translation>
    </message>
    <message>
        <source>%1 / 10</source>
        <translation>%1 / 10</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Split: %1 · Label: %2 · Rating: %3</source>
        <translation>Split: %1 · Label: %2 · Bewertung: %3</translation>
    </message>
    <message>
        <source>(unlabelled)</source>
        <translation>(ohne Label)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Tokens: %1&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Tokens: %1&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Tokenizing…</source>
        <translation>Wird tokenisiert…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::SchedulePlot</name>
    <message>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>Momentum</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::StageTableModel</name>
    <message>
        <source>Layer groups to train: -1 = head only, -2 = last two, ..., 0 = unfreeze all</source>
        <translation>Zu trainierende Schichtgruppen: -1 = nur Kopf, -2 = letzte zwei, ..., 0 = alle auftauen</translation>
    </message>
    <message>
        <source>A rate such as 2e-2, or slice(1e-2/2.6**4, 1e-2) for discriminative rates</source>
        <translation>Eine Lernrate wie 2e-2 oder slice(1e-2/2.6**4, 1e-2) für diskriminative Lernraten</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Freeze</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::StagesEditor</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Find a learning rate…</source>
        <translation>Lernrate finden…</translation>
    </message>
    <message>
        <source>fastai&apos;s lr_find for the selected stage: the model as that stage starts it, with its frozen groups</source>
        <translation>fastais lr_find für die gewählte Stufe: das Modell, wie diese Stufe es beginnt, mit ihren eingefrorenen Gruppen</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::SummaryPage</name>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Check the recipe, then start training. Recipes can be saved and loaded as JSON.</source>
        <translation>Prüfen Sie das Rezept und starten Sie dann das Training. Rezepte lassen sich als JSON speichern und laden.</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(Standard)</translation>
    </message>
    <message>
        <source>Recipe:  %1</source>
        <translation>Rezept:    %1</translation>
    </message>
    <message>
        <source>Data:    %1</source>
        <translation>Daten:     %1</translation>
    </message>
    <message>
        <source>Output:  %1</source>
        <translation>Ausgabe:   %1</translation>
    </message>
    <message>
        <source>Device:  %1, mixed precision %2, seed %3</source>
        <translation>Gerät:     %1, gemischte Genauigkeit %2, Seed %3</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Vocab:   max %1 words seen at least %2 times; %3% of texts validate the LM</source>
        <translation>Vokabular: max. %1 Wörter, die mindestens %2-mal vorkommen; %3 % der Texte validieren das LM</translation>
    </message>
    <message>
        <source>Language model: AWD-LSTM %1/%2/%3 from %4</source>
        <translation>Sprachmodell: AWD-LSTM %1/%2/%3, Start: %4</translation>
    </message>
    <message>
        <source>scratch</source>
        <translation>von Grund auf</translation>
    </message>
    <message>
        <source>Classifier:</source>
        <translation>Klassifikator:</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>    bs=%1, seq_len=%2, drop_mult=%3, wd=%4, reviews: %5</source>
        <translation>    bs=%1, seq_len=%2, drop_mult=%3, wd=%4, Rezensionen: %5</translation>
    </message>
    <message>
        <source>    bs=%1, seq_len=%2, drop_mult=%3, tokens per review: %4</source>
        <translation>    bs=%1, seq_len=%2, drop_mult=%3, Tokens je Rezension: %4</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::TaskProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::ThrottledPlot</name>
    <message>
        <source>batch (step)</source>
        <translation>Batch (Schritt)</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::TopLossesModel</name>
    <message>
        <source>actual</source>
        <translation>tatsächlich</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>vorhergesagt</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>Wahrsch.</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::TrainingControls</name>
    <message>
        <source>No training run yet.</source>
        <translation>Noch kein Trainingslauf.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export plots…</source>
        <translation>Diagramme exportieren…</translation>
    </message>
    <message>
        <source>Export table…</source>
        <translation>Tabelle exportieren…</translation>
    </message>
    <message>
        <source>Epoch:</source>
        <translation>Epoche:</translation>
    </message>
    <message>
        <source>Recipe:</source>
        <translation>Rezept:</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>%1 — ETA %2</source>
        <translation>%1 — noch %2</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::TrainingView</name>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>New training run…</source>
        <translation>Neuer Trainingslauf…</translation>
    </message>
    <message>
        <source>Cancelling after the current batch…</source>
        <translation>Abbruch nach dem aktuellen Batch…</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>Training: %1</translation>
    </message>
    <message>
        <source>Preparing data and model…</source>
        <translation>Daten und Modell werden vorbereitet…</translation>
    </message>
    <message>
        <source>stage %1</source>
        <translation>Phase %1</translation>
    </message>
    <message>
        <source>Stage %1 of %2: %3</source>
        <translation>Phase %1 von %2: %3</translation>
    </message>
    <message>
        <source>stage %1, epoch %2/%3: batch %4/%5</source>
        <translation>Phase %1, Epoche %2/%3: Batch %4/%5</translation>
    </message>
    <message>
        <source>waiting for the first batch</source>
        <translation>warte auf den ersten Batch</translation>
    </message>
    <message>
        <source>Paused after the current batch.</source>
        <translation>Nach dem aktuellen Batch pausiert.</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>Fortgesetzt.</translation>
    </message>
    <message>
        <source>Finished: %1 epochs in %2 stages.</source>
        <translation>Fertig: %1 Epochen in %2 Phasen.</translation>
    </message>
    <message>
        <source>Cancelled. The plots and the table keep what was trained.</source>
        <translation>Abgebrochen. Diagramme und Tabelle behalten, was bisher trainiert wurde.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export plots</source>
        <translation>Diagramme exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Plots saved to %1</source>
        <translation>Diagramme gespeichert unter %1</translation>
    </message>
    <message>
        <source>Export epoch table</source>
        <translation>Epochentabelle exportieren</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-Datei (*.csv)</translation>
    </message>
    <message>
        <source>Table saved to %1</source>
        <translation>Tabelle gespeichert unter %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Preparing data: %1</source>
        <translation>Daten werden vorbereitet: %1</translation>
    </message>
    <message>
        <source>Resume interrupted run…</source>
        <translation>Unterbrochenen Lauf fortsetzen…</translation>
    </message>
    <message>
        <source>Continue a run that was cancelled, killed or closed, from its last checkpoint</source>
        <translation>Einen abgebrochenen, beendeten oder geschlossenen Lauf ab seinem letzten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>Available when the current job on the training worker (a run or a learning-rate search) has ended</source>
        <translation>Verfügbar, sobald die laufende Aufgabe des Trainings-Workers (ein Lauf oder eine Lernratensuche) beendet ist</translation>
    </message>
    <message>
        <source>Choose the data, the recipe and where the run goes</source>
        <translation>Daten, Rezept und Zielordner des Laufs wählen</translation>
    </message>
</context>
<context>
    <name>ulmfit::ui::TrainingWizard</name>
    <message>
        <source>New training run</source>
        <translation>Neuer Trainingslauf</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Load recipe…</source>
        <translation>Rezept laden…</translation>
    </message>
    <message>
        <source>Save recipe…</source>
        <translation>Rezept speichern…</translation>
    </message>
    <message>
        <source>Load recipe</source>
        <translation>Rezept laden</translation>
    </message>
    <message>
        <source>Recipes (*.json)</source>
        <translation>Rezepte (*.json)</translation>
    </message>
    <message>
        <source>Save recipe</source>
        <translation>Rezept speichern</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 (stage %2)</source>
        <translation>%1 (Stufe %2)</translation>
    </message>
</context>
</TS>
