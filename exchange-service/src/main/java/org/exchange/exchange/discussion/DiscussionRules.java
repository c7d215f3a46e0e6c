package org.exchange.exchange.discussion;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The limits of discussions, named once ({@code exchange.discussions.*}): how many posts a person may add in a minute,
 * and how many links, mentions and files a post may carry (what a file may be is {@link AttachmentPolicy}). The lengths of titles, texts and reasons are limits of the API's
 * bodies ({@link DiscussionController}).
 */
@ConfigurationProperties("exchange.discussions")
public record DiscussionRules(Integer postsPerMinute, Integer linksPerPost, Integer mentionsPerPost,
        Integer attachmentsPerPost) {

    public DiscussionRules {
        postsPerMinute = postsPerMinute == null ? 6 : postsPerMinute;
        linksPerPost = linksPerPost == null ? 5 : linksPerPost;
        mentionsPerPost = mentionsPerPost == null ? 20 : mentionsPerPost;
        attachmentsPerPost = attachmentsPerPost == null ? 5 : attachmentsPerPost;
        if (postsPerMinute < 1 || linksPerPost < 0 || mentionsPerPost < 0 || attachmentsPerPost < 0) {
            throw new IllegalArgumentException("exchange.discussions allows at least one post a minute, and no "
                    + "negative number of links, mentions or files");
        }
    }
}
