package org.exchange.exchange.discussion;

import static org.exchange.exchange.ExchangeApi.facilitator;
import static org.exchange.exchange.ExchangeApi.orgAdmin;
import static org.exchange.exchange.ExchangeApi.practitioner;
import static org.exchange.exchange.ExchangeApi.programmeAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.exchange.exchange.ExchangeApi;
import org.exchange.exchange.ExchangeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

/** Files attached to discussion posts through the API, on the whole service. */
class DiscussionAttachmentTest extends ExchangeIntegrationTest {

    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

    UUID network;
    UUID lead;
    UUID group;
    UUID ada;
    UUID grace;
    UUID space;
    UUID thread;

    /** An active group with Ada and Grace as members, and a thread Ada started in its space. */
    @BeforeEach
    void aThreadInAGroupsSpace() throws Exception {
        lead = UUID.randomUUID();
        ada = UUID.randomUUID();
        grace = UUID.randomUUID();
        network = api.westMidlands();
        group = api.activeGroup(network, lead, 10);
        api.join(group, ada).andExpect(status().isCreated());
        api.join(group, grace).andExpect(status().isCreated());
        space = ExchangeApi.id(mvc.perform(get("/api/exchange/groups/" + group + "/discussion")
                .with(practitioner(ada))).andExpect(status().isOk()));
        thread = ExchangeApi.id(mvc.perform(post("/api/exchange/discussions/" + space + "/threads")
                .with(practitioner(ada)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Fractions\",\"text\":\"How do you start?\"}")).andExpect(status().isCreated()));
    }

    @Test
    void aMemberAttachesAnUploadedFileToAReplyAndEveryReaderDownloadsItWithItsNameAsAnAttachment() throws Exception {
        // the client claims a PNG; the content is a PDF, and the content decides
        upload(space, practitioner(ada), new MockMultipartFile("file", "Fractions plan.pdf", "image/png", PDF))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Fractions plan.pdf"))
                .andExpect(jsonPath("$.mediaType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(PDF.length))
                .andExpect(jsonPath("$.sha256").value(HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(PDF))));
        UUID plan = lastUpload;

        reply(practitioner(ada), "My plan is attached", plan).andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments[0].id").value(plan.toString()))
                .andExpect(jsonPath("$.attachments[0].name").value("Fractions plan.pdf"))
                .andExpect(jsonPath("$.attachments[0].size").value(PDF.length));

        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(grace)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.posts[1].attachments[0].name").value("Fractions plan.pdf"))
                .andExpect(jsonPath("$.posts[1].attachments[0].mediaType").value("application/pdf"));
        for (JwtRequestPostProcessor reader : List.of(practitioner(grace), facilitator(lead), programmeAdmin())) {
            download(plan, reader).andExpect(status().isOk())
                    .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                    .andExpect(content().bytes(PDF))
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(header().string("Content-Disposition", containsString("Fractions")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        }
    }

    @Test
    void theAllowedTypesAreDecidedByTheFilesContentWhichMustMatchItsName() throws Exception {
        List<MockMultipartFile> allowed = List.of(
                new MockMultipartFile("file", "chart.png", "application/octet-stream", PNG),
                new MockMultipartFile("file", "photo.JPG", null, JPEG),
                new MockMultipartFile("file", "notes.txt", "text/plain", "Fold the paper in half.\n".getBytes()),
                new MockMultipartFile("file", "plan.docx", null, office("word/document.xml")),
                new MockMultipartFile("file", "marks.xlsx", null, office("xl/workbook.xml")),
                new MockMultipartFile("file", "slides.pptx", null, office("ppt/presentation.xml")));
        for (MockMultipartFile file : allowed) {
            upload(space, practitioner(ada), file).andExpect(status().isCreated());
        }

        List<MockMultipartFile> refused = List.of(
                new MockMultipartFile("file", "setup.exe", "application/pdf", new byte[] { 'M', 'Z', (byte) 0x90, 0 }),
                new MockMultipartFile("file", "plan.pdf", "application/pdf", new byte[] { 'M', 'Z', (byte) 0x90, 0 }),
                new MockMultipartFile("file", "page.html", "text/plain", "<script>alert(1)</script>".getBytes()),
                new MockMultipartFile("file", "page.txt", "text/html", new byte[] { '<', 'b', 0, 1, 2 }),
                new MockMultipartFile("file", "photo.png", "image/png", JPEG),
                new MockMultipartFile("file", "archive.docx", null, office("payload/readme.txt")),
                new MockMultipartFile("file", "marks.docx", null, office("xl/workbook.xml")),
                new MockMultipartFile("file", "no-extension", null, PDF));
        for (MockMultipartFile file : refused) {
            problem(upload(space, practitioner(ada), file), 415);
        }
    }

    @Test
    void aFileOverFiveMebibytesIsRefusedWith413AndAnEmptyOneWith400() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        problem(upload(space, practitioner(ada), new MockMultipartFile("file", "long.txt", "text/plain", big)), 413);

        byte[] justUnder = Arrays.copyOf(big, 5 * 1024 * 1024);
        upload(space, practitioner(ada), new MockMultipartFile("file", "long.txt", "text/plain", justUnder))
                .andExpect(status().isCreated());

        problem(upload(space, practitioner(ada), new MockMultipartFile("file", "empty.txt", "text/plain",
                new byte[0])), 400);
        problem(upload(space, practitioner(ada), new MockMultipartFile("other", "notes.txt", "text/plain",
                "words".getBytes())), 400);
        problem(upload(space, practitioner(ada), new MockMultipartFile("file", "", "text/plain",
                "words".getBytes())), 400);
    }

    @Test
    void someoneWhoCannotReadTheSpaceIsAnsweredAsIfItsFilesDidNotExist() throws Exception {
        upload(space, practitioner(ada), new MockMultipartFile("file", "plan.pdf", null, PDF))
                .andExpect(status().isCreated());
        UUID plan = lastUpload;
        reply(practitioner(ada), "Attached", plan).andExpect(status().isCreated());

        for (JwtRequestPostProcessor outsider : List.of(practitioner(UUID.randomUUID()),
                facilitator(UUID.randomUUID()), orgAdmin("org-westmid-college"))) {
            problem(download(plan, outsider), 404);
            problem(upload(space, outsider, new MockMultipartFile("file", "plan.pdf", null, PDF)), 404);
        }
        problem(download(UUID.randomUUID(), practitioner(ada)), 404);
    }

    @Test
    void aFileNotAttachedYetIsServedOnlyToItsUploaderAndIsAttachedByThemOnceInItsOwnSpace() throws Exception {
        upload(space, practitioner(ada), new MockMultipartFile("file", "draft.txt", null, "draft".getBytes()))
                .andExpect(status().isCreated());
        UUID draft = lastUpload;
        download(draft, practitioner(ada)).andExpect(status().isOk());
        problem(download(draft, practitioner(grace)), 404);

        // Grace cannot attach Ada's file; a file of another space, or an unknown one, is no file to attach
        problem(reply(practitioner(grace), "Hers", draft), 400);
        UUID networkSpace = ExchangeApi.id(mvc.perform(get("/api/exchange/networks/" + network + "/discussion")
                .with(practitioner(ada))).andExpect(status().isOk()));
        upload(networkSpace, practitioner(ada), new MockMultipartFile("file", "other.txt", null, "other".getBytes()))
                .andExpect(status().isCreated());
        problem(reply(practitioner(ada), "Elsewhere", lastUpload), 400);
        problem(reply(practitioner(ada), "Unknown", UUID.randomUUID()), 400);

        reply(practitioner(ada), "Mine", draft).andExpect(status().isCreated());
        download(draft, practitioner(grace)).andExpect(status().isOk());
        problem(reply(practitioner(ada), "Again", draft), 400);
        // a refused reply leaves nothing behind
        mvc.perform(get("/api/exchange/discussions/threads/" + thread).with(practitioner(grace)))
                .andExpect(jsonPath("$.posts.length()").value(2));
    }

    @Test
    void aPostCarriesAtMostFiveFiles() throws Exception {
        UUID[] files = new UUID[6];
        for (int i = 0; i < files.length; i++) {
            upload(space, practitioner(ada), new MockMultipartFile("file", "n" + i + ".txt", null,
                    ("note " + i).getBytes())).andExpect(status().isCreated());
            files[i] = lastUpload;
        }

        problem(reply(practitioner(ada), "Six", files), 400);
        // nothing of the refused post stays: the same five attach to the next
        reply(practitioner(ada), "Five", Arrays.copyOf(files, 5)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments.length()").value(5))
                .andExpect(jsonPath("$.attachments[4].name").value("n4.txt"));
    }

    @Test
    void atMostTenFilesWaitToBeAttachedAndOneLeftADayIsDeleted() throws Exception {
        for (int i = 0; i < 10; i++) {
            upload(space, practitioner(grace), new MockMultipartFile("file", "n" + i + ".txt", null,
                    ("note " + i).getBytes())).andExpect(status().isCreated());
        }
        UUID last = lastUpload;
        problem(upload(space, practitioner(grace), new MockMultipartFile("file", "more.txt", null,
                "more".getBytes())), 409);

        clock.advance(java.time.Duration.ofDays(1).plusMinutes(1));
        upload(space, practitioner(grace), new MockMultipartFile("file", "later.txt", null, "later".getBytes()))
                .andExpect(status().isCreated());
        problem(download(last, practitioner(grace)), 404);
    }

    @Test
    void aHiddenPostsFilesAreNeitherListedNorServed() throws Exception {
        upload(space, practitioner(grace), new MockMultipartFile("file", "rude.png", null, PNG))
                .andExpect(status().isCreated());
        UUID rude = lastUpload;
        UUID post = ExchangeApi.id(reply(practitioner(grace), "Look", rude).andExpect(status().isCreated()));
        download(rude, practitioner(ada)).andExpect(status().isOk());

        mvc.perform(post("/api/exchange/discussions/posts/" + post + "/hiding").with(facilitator(lead))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Unkind\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.attachments.length()").value(0));

        for (JwtRequestPostProcessor reader : List.of(practitioner(ada), practitioner(grace), facilitator(lead))) {
            problem(download(rude, reader), 404);
        }
    }

    @Test
    void aThreadsOpeningPostCarriesFilesToo() throws Exception {
        upload(space, practitioner(grace), new MockMultipartFile("file", "plan.pdf", null, PDF))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/exchange/discussions/" + space + "/threads").with(practitioner(grace))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\":\"Plans\",\"text\":\"Mine\",\"attachments\":[\"%s\"]}".formatted(lastUpload)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.posts[0].attachments[0].name").value("plan.pdf"));
    }

    // --- steps ---

    UUID lastUpload;

    private ResultActions upload(UUID into, JwtRequestPostProcessor who, MockMultipartFile file) throws Exception {
        ResultActions result = mvc.perform(multipart("/api/exchange/discussions/" + into + "/attachments").file(file)
                .with(who));
        if (result.andReturn().getResponse().getStatus() == 201) {
            lastUpload = ExchangeApi.id(result);
        }
        return result;
    }

    private ResultActions download(UUID file, JwtRequestPostProcessor who) throws Exception {
        return mvc.perform(get("/api/exchange/discussions/attachments/" + file).with(who));
    }

    private ResultActions reply(JwtRequestPostProcessor who, String text, UUID... files) throws Exception {
        String ids = Arrays.stream(files).map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return mvc.perform(post("/api/exchange/discussions/threads/" + thread + "/replies").with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"%s\",\"attachments\":[%s]}".formatted(text, ids)));
    }

    private static void problem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** A ZIP package holding one part of the given name, as Office files are. */
    private static byte[] office(String part) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

}
