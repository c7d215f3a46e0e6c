package org.exchange.exchange.discussion;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.exchange.platform.security.Caller;
import org.exchange.platform.validation.WebLink;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Discussions of groups, networks and the Learning Exchange: spaces, threads, replies, helpful marks, moderation and reports. A space,
 * thread or post the caller may not read is answered 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/exchange")
@Tag(name = "Discussions")
class DiscussionController {

    /** The longest text of a post, in characters. */
    static final int MAX_TEXT = 10_000;

    private final DiscussionService discussions;

    DiscussionController(DiscussionService discussions) {
        this.discussions = discussions;
    }

    /** A post that is refused when its author posted too often in the last minute. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "429", description = "Too many posts in the last minute (exchange.discussions."
            + "posts-per-minute); Retry-After says when to try again", content = @Content(
                    mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @interface RateLimited {
    }

    @GetMapping("/groups/{groupId}/discussion")
    @Operation(summary = "The group's discussion space with its threads and the caller's unread posts (its members "
            + "and facilitators, programme admins; a closed group's opened to its network: the network's "
            + "participants, to read)")
    DiscussionService.SpaceView groupSpace(@PathVariable UUID groupId, Caller caller) {
        return discussions.groupSpace(groupId, caller);
    }

    @PostMapping("/groups/{groupId}/discussion/opening-to-network")
    @Operation(summary = "Open a closed group's discussion to its network's participants, to read (the group's "
            + "facilitators or a programme admin)")
    DiscussionService.SpaceView openToNetwork(@PathVariable UUID groupId, Caller caller) {
        return discussions.openToNetwork(groupId, caller);
    }

    @GetMapping("/networks/{id}/discussion")
    @Operation(summary = "The network's discussion space with its threads and the caller's unread posts (everyone "
            + "who takes part in the network: members and facilitators of its groups; programme admins)")
    DiscussionService.SpaceView networkSpace(@PathVariable UUID id, Caller caller) {
        return discussions.networkSpace(id, caller);
    }

    @GetMapping("/learning-exchange/discussion")
    @Operation(summary = "The Learning Exchange's discussion space with its threads and the caller's unread posts (its "
            + "members read and write; a member whose membership lapsed reads; programme admins moderate)")
    DiscussionService.SpaceView learningExchangeSpace(Caller caller) {
        return discussions.learningExchangeSpace(caller);
    }

    @GetMapping("/discussions/{spaceId}/members")
    @Operation(summary = "Who a post in the space may mention: its members and facilitators by name, no addresses "
            + "(those who write in the space)")
    List<DiscussionService.Mentionable> mentionable(@PathVariable UUID spaceId, Caller caller) {
        return discussions.mentionable(spaceId, caller);
    }

    @PostMapping("/discussions/posts/{postId}/outcome-draft")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Carry a reply marked what works into the group's outcome draft, quoted with its author's "
            + "name (withheld if they asked); nothing is published (the group's facilitators or a programme admin)")
    org.exchange.exchange.outcome.OutcomeService.DraftItem carryIntoOutcome(@PathVariable UUID postId,
            Caller caller) {
        return discussions.carryIntoOutcome(postId, caller);
    }

    @GetMapping("/me/discussions")
    @Operation(summary = "The caller's discussion spaces (their groups', their networks' and, for its members and "
            + "former members, the Learning Exchange's) with unread posts")
    List<DiscussionService.MySpace> mine(Caller caller) {
        return discussions.mine(caller);
    }

    @GetMapping("/discussions/{spaceId}")
    @Operation(summary = "A discussion space with its threads, pinned first (those who may read it)")
    DiscussionService.SpaceView space(@PathVariable UUID spaceId, Caller caller) {
        return discussions.space(spaceId, caller);
    }

    @GetMapping("/discussions/{spaceId}/search")
    @Operation(summary = "Threads of the space whose title or posts match the words (full-text search, best match "
            + "first; at most 50)")
    List<DiscussionService.ThreadSummary> search(@PathVariable UUID spaceId,
            @RequestParam @NotBlank @Size(max = 200) String q, Caller caller) {
        return discussions.search(spaceId, q, caller);
    }

    @PostMapping("/discussions/{spaceId}/threads")
    @ResponseStatus(HttpStatus.CREATED)
    @RateLimited
    @Operation(summary = "Start a thread with its opening post, in Markdown (the space's members)")
    DiscussionService.ThreadView startThread(@PathVariable UUID spaceId, @Valid @RequestBody StartThread body,
            Caller caller) {
        return discussions.startThread(spaceId, body.title(), body.text(), links(body.links()), body.attachments(),
                caller);
    }

    @GetMapping("/discussions/threads/{threadId}")
    @Operation(summary = "A thread with its posts, oldest first; answering marks it read for the caller")
    DiscussionService.ThreadView thread(@PathVariable UUID threadId, Caller caller) {
        return discussions.thread(threadId, caller);
    }

    @PostMapping("/discussions/threads/{threadId}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @RateLimited
    @Operation(summary = "Reply in a thread, in Markdown (the space's members)")
    DiscussionService.PostView reply(@PathVariable UUID threadId, @Valid @RequestBody Reply body, Caller caller) {
        return discussions.reply(threadId, body.text(), links(body.links()), body.attachments(), caller);
    }

    @PostMapping(path = "/discussions/{spaceId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a file to attach to the caller's next post in the space: PDF, PNG, JPEG, plain text, "
            + "DOCX, XLSX or PPTX by its content, at most 5 MiB (the space's members)")
    @ApiResponse(responseCode = "413", description = "The file is larger than 5 MiB", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    @ApiResponse(responseCode = "415", description = "The file's content is not an allowed type, or does not match "
            + "its name", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/ProblemDetail")))
    DiscussionService.Attachment upload(@PathVariable UUID spaceId, @RequestPart("file") MultipartFile file,
            Caller caller) throws IOException {
        return discussions.upload(spaceId, file.getOriginalFilename(), file.getBytes(), caller);
    }

    @GetMapping("/discussions/attachments/{attachmentId}")
    @Operation(summary = "Download a post's file, as an attachment (those who may read the space; a hidden post's "
            + "files are not served)")
    ResponseEntity<byte[]> download(@PathVariable UUID attachmentId, Caller caller) {
        DiscussionService.AttachmentFile file = discussions.download(attachmentId, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @PutMapping("/discussions/threads/{threadId}/pin")
    @Operation(summary = "Pin a thread to the top (the group's facilitators; programme admins anywhere)")
    DiscussionService.ThreadSummary pin(@PathVariable UUID threadId, Caller caller) {
        return discussions.pin(threadId, true, caller);
    }

    @DeleteMapping("/discussions/threads/{threadId}/pin")
    @Operation(summary = "Unpin a thread (the group's facilitators; programme admins anywhere)")
    DiscussionService.ThreadSummary unpin(@PathVariable UUID threadId, Caller caller) {
        return discussions.pin(threadId, false, caller);
    }

    @PutMapping("/discussions/posts/{postId}/what-works")
    @Operation(summary = "Mark a reply as what works (the group's facilitators; programme admins anywhere)")
    DiscussionService.PostView markWhatWorks(@PathVariable UUID postId, Caller caller) {
        return discussions.whatWorks(postId, true, caller);
    }

    @DeleteMapping("/discussions/posts/{postId}/what-works")
    @Operation(summary = "Take the what-works mark off a reply (the group's facilitators; programme admins anywhere)")
    DiscussionService.PostView unmarkWhatWorks(@PathVariable UUID postId, Caller caller) {
        return discussions.whatWorks(postId, false, caller);
    }

    @PostMapping("/discussions/posts/{postId}/hiding")
    @Operation(summary = "Hide a post with a reason, kept on the audit trail; its open reports are resolved (the "
            + "group's facilitators; programme admins anywhere)")
    DiscussionService.PostView hide(@PathVariable UUID postId, @Valid @RequestBody Reason body, Caller caller) {
        return discussions.hide(postId, body.reason(), caller);
    }

    @PostMapping("/discussions/posts/{postId}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a post to the programme admins, once, with a reason (those who may read it)")
    DiscussionService.Report report(@PathVariable UUID postId, @Valid @RequestBody Reason body, Caller caller) {
        return discussions.report(postId, body.reason(), caller);
    }

    @PutMapping("/discussions/posts/{postId}/helpful")
    @Operation(summary = "Mark a post helpful, once per person (the space's members)")
    DiscussionService.Helpful markHelpful(@PathVariable UUID postId, Caller caller) {
        return discussions.helpful(postId, true, caller);
    }

    @DeleteMapping("/discussions/posts/{postId}/helpful")
    @Operation(summary = "Take back the caller's helpful mark (the space's members)")
    DiscussionService.Helpful unmarkHelpful(@PathVariable UUID postId, Caller caller) {
        return discussions.helpful(postId, false, caller);
    }

    @GetMapping("/discussion-reports")
    @Operation(summary = "Reports of posts nobody has acted on yet, oldest first (programme admins)")
    List<DiscussionService.OpenReport> openReports(
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit, Caller caller) {
        return discussions.openReports(limit, caller);
    }

    private static List<DiscussionService.Link> links(List<ResourceLink> links) {
        return links == null ? List.of()
                : links.stream().map(link -> new DiscussionService.Link(link.url(), link.title())).toList();
    }

    /** A thread to start: its title and opening post, with the files uploaded for it. */
    record StartThread(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = MAX_TEXT) String text,
            @Valid List<@NotNull ResourceLink> links, List<@NotNull UUID> attachments) {
    }

    /** A reply, with the files uploaded for it. */
    record Reply(@NotBlank @Size(max = MAX_TEXT) String text, @Valid List<@NotNull ResourceLink> links,
            List<@NotNull UUID> attachments) {
    }

    /** A resource a post links to: an https address and, optionally, what it is. */
    record ResourceLink(@NotBlank @Size(max = 2000) @WebLink String url, @Size(max = 200) String title) {
    }

    /** Why a post is hidden or reported. */
    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }
}
