package org.exchange.accreditation.credential;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/** The award certificate as a one-page PDF, landscape A4. */
final class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Color INK = new Color(0x1f, 0x3a, 0x5f);

    private CertificatePdf() {
    }

    static byte[] render(String holderName, String awardTitle, LocalDate awardedOn, String ilmReference,
            String issuerName, String verifyAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 72, 72, 72, 72);
        PdfWriter.getInstance(document, out);
        document.addTitle("Certificate: " + awardTitle);
        document.addAuthor(issuerName);
        document.addSubject(awardTitle + " awarded to " + holderName);
        document.open();
        document.add(centred("Certificate of Award", new Font(Font.HELVETICA, 30, Font.BOLD, INK), 0));
        document.add(centred("This is to certify that", new Font(Font.HELVETICA, 14), 36));
        document.add(centred(holderName, new Font(Font.TIMES_ROMAN, 28, Font.BOLDITALIC, INK), 14));
        document.add(centred("has been awarded the", new Font(Font.HELVETICA, 14), 14));
        document.add(centred(awardTitle, new Font(Font.HELVETICA, 20, Font.BOLD, INK), 14));
        document.add(centred("Confirmed by ILM on " + DATE.format(awardedOn) + "   ·   ILM reference " + ilmReference,
                new Font(Font.HELVETICA, 12), 30));
        document.add(centred(issuerName, new Font(Font.HELVETICA, 12, Font.BOLD), 30));
        document.add(centred("Verify this award: " + verifyAt, new Font(Font.HELVETICA, 9, Font.NORMAL, Color.GRAY),
                40));
        document.close();
        return out.toByteArray();
    }

    private static Paragraph centred(String text, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }
}
