package nl.noordoostpolder.ivb.bake;

import java.sql.Date;
import java.time.ZoneOffset;

import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;

import nl.noordoostpolder.ivb.content.Document;

/**
 * JBake's crawler, fed with the pages this bake has already read, checked and converted, instead of reading and
 * parsing every file twice as the stock crawler does. It records each page in JBake's content store with its
 * metadata, so the store describes the site as JBake expects, while the bodies stay in memory with the documents.
 */
final class PrecomputedCrawler extends Crawler {

    private final ContentStore db;

    PrecomputedCrawler(ContentStore db, JBakeConfiguration config) {
        super(db, config);
        this.db = db;
    }

    @Override
    public void crawl() {
        BakeSession session = BakeSession.current();
        // the metadata JBake keeps needs no converted body: store it while the bodies are still converting
        for (Document doc : session.documents()) {
            db.addDocument(toModel(doc));
        }
        Timings.mark("crawled");
        session.converted().get();
        session.problems().throwIfAny();
    }

    @Override
    public void crawlDataFiles() {
        // this site has no data files
    }

    private static DocumentModel toModel(Document doc) {
        DocumentModel model = DocumentModel.createDefaultDocumentModel();
        model.setType(doc.getType().id());
        model.setTitle(doc.getTitle());
        model.setUri(doc.getUrl());
        model.setSourceUri(doc.getSourcePath());
        model.setStatus("published");
        model.setDate(Date.from(doc.getDate().atStartOfDay().toInstant(ZoneOffset.UTC)));
        model.setRendered(false);
        model.setCached(true);
        model.put("summary", doc.getSummary());
        return model;
    }
}
