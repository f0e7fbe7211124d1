// Child process of the power-cut test: enqueues items one by one and prints each entity id only after its
// commit returned. The parent SIGKILLs it at a random moment; every printed id must then be in the store.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "offline_cache/database.h"
#include "offline_cache/outbox.h"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: power_cut_writer DB PREFIX COUNT\n");
        return 2;
    }
    auto db = ck::cache::Database::Open(argv[1]);
    if (!db) {
        std::fprintf(stderr, "open failed: %s\n", db.error().message.c_str());
        return 1;
    }
    const int count = std::atoi(argv[3]);
    for (int i = 0; i < count; ++i) {
        ck::cache::NewOutboxItem item;
        item.entity_type = "CitizenIdea";
        item.entity_id = std::string("urn:ngsi-ld:CitizenIdea:") + argv[2] + "-" + std::to_string(i);
        item.payload = "{\"id\":\"" + item.entity_id +
                       "\",\"type\":\"CitizenIdea\",\"title\":{\"type\":\"TextUnrestricted\",\"value\":\"" +
                       std::string(200, 'x') + "\"}}";
        auto seq = ck::cache::Enqueue(*db, item, ck::Now());
        if (!seq) {
            std::fprintf(stderr, "enqueue failed: %s\n", seq.error().message.c_str());
            return 1;
        }
        // One write(2) per line: unbuffered, and atomic on a pipe, so the parent never sees half an id.
        const std::string line = item.entity_id + "\n";
        if (write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size())) return 1;
    }
    return 0;
}
