package org.lowmag.prepare;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.lowmag.dataset.ImageFiles;
import org.lowmag.dataset.TissueRecord;

/**
 * Cuts a plain image, which is one whole tissue, at every magnification: the tissue's id, group and
 * label are the item's, its source is the image file.
 */
final class ImageTissueCutter implements PrepareJob.ItemCutter {

    private final TissueCutter cutter;
    private final double sourceMag;

    /**
     * @param cutter writes the tissue's images
     * @param sourceMag the magnification of every image's full resolution
     */
    ImageTissueCutter(TissueCutter cutter, double sourceMag) {
        this.cutter = cutter;
        this.sourceMag = sourceMag;
    }

    @Override
    public PrepareJob.Cut cut(PrepareItem it) throws IOException {
        Map<String, TissueRecord.TissueImage> imgs =
                cutter.cut(it.id(), ImageFiles.read(it.file()), sourceMag);
        TissueRecord tissue =
                new TissueRecord(it.id(), it.file().toString(), it.group(), it.label(), "", imgs);
        return new PrepareJob.Cut(List.of(tissue), sourceMag);
    }
}
