// One libcurl call Swift can make: curl_easy_setopt is variadic, so the whole POST lives
// here. Returns 0 on success (HTTP status in *status), else a CURLcode; 28 is a timeout.
#ifndef CCURL_H
#define CCURL_H
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct { char *data; size_t length; } sm_buffer;

static size_t sm_curl_collect(char *ptr, size_t size, size_t nmemb, void *userdata) {
    sm_buffer *b = (sm_buffer *)userdata;
    size_t n = size * nmemb;
    char *grown = realloc(b->data, b->length + n + 1);
    if (grown == NULL) return 0;
    b->data = grown;
    memcpy(b->data + b->length, ptr, n);
    b->length += n;
    b->data[b->length] = 0;
    return n;
}

static size_t sm_curl_header(char *ptr, size_t size, size_t nitems, void *userdata) {
    size_t n = size * nitems;
    long *retry = (long *)userdata;
    if (n > 12 && strncasecmp(ptr, "Retry-After:", 12) == 0) {
        *retry = strtol(ptr + 12, NULL, 10);
    }
    return n;
}

static inline void sm_curl_global_init(void) { curl_global_init(CURL_GLOBAL_DEFAULT); }

// headers: newline-separated "Name: value" lines. The response body is returned in
// *body (caller frees with sm_curl_free); *retry_after is seconds or -1.
static inline int sm_curl_post(const char *url, const char *headers, const char *payload, long timeout_ms,
                               long *status, char **body, size_t *body_length, long *retry_after) {
    CURL *curl = curl_easy_init();
    if (curl == NULL) return -1;
    struct curl_slist *list = NULL;
    char *copy = strdup(headers ? headers : "");
    for (char *line = strtok(copy, "\n"); line != NULL; line = strtok(NULL, "\n")) list = curl_slist_append(list, line);
    free(copy);
    sm_buffer buffer = { NULL, 0 };
    *retry_after = -1;
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms < 5000 ? timeout_ms : 5000);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, sm_curl_collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &buffer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, sm_curl_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, retry_after);
    CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, status);
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    *body = buffer.data;
    *body_length = buffer.length;
    return (int)rc;
}

static inline void sm_curl_free(char *p) { free(p); }

#endif
