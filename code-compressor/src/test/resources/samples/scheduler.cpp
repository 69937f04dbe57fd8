// scheduler.cpp - a cooperative task scheduler with priorities.
#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <queue>
#include <string>
#include <vector>

namespace sched {

using Clock = std::chrono::steady_clock;

struct Task {
    std::string name;
    int priority;
    Clock::time_point due;
    std::function<bool()> step;  // returns true when the task is finished
};

struct LaterOrLowerFirst {
    bool operator()(const std::shared_ptr<Task>& a, const std::shared_ptr<Task>& b) const {
        if (a->due != b->due) {
            return a->due > b->due;
        }
        return a->priority < b->priority;
    }
};

/**
 * Runs tasks in order of due time, then priority.
 * A task that is not finished after a step is put back with a new due time.
 * The scheduler is single-threaded; call run() from one thread only.
 */
class Scheduler {
public:
    explicit Scheduler(std::chrono::milliseconds quantum) : quantum_(quantum) {}

    void add(std::string name, int priority, std::function<bool()> step) {
        auto task = std::make_shared<Task>();
        task->name = std::move(name);
        task->priority = priority;
        task->due = Clock::now();
        task->step = std::move(step);
        queue_.push(task);
        ++added_;
    }

    std::size_t run(std::size_t maxSteps) {
        std::size_t steps = 0;
        while (!queue_.empty() && steps < maxSteps) {
            auto task = queue_.top();
            queue_.pop();
            bool finished = false;
            try {
                finished = task->step();
            } catch (const std::exception& e) {
                std::cerr << "task " << task->name << " failed: " << e.what() << "\n";
                finished = true;
            }
            ++steps;
            if (!finished) {
                task->due = Clock::now() + quantum_;
                queue_.push(task);
            } else {
                ++completed_;
            }
        }
        return steps;
    }

    std::size_t pending() const { return queue_.size(); }

    std::string summary() const {
        std::string out = "added=" + std::to_string(added_);
        out += " completed=" + std::to_string(completed_);
        out += " pending=" + std::to_string(queue_.size());
        return out;
    }

private:
    std::chrono::milliseconds quantum_;
    std::priority_queue<std::shared_ptr<Task>, std::vector<std::shared_ptr<Task>>, LaterOrLowerFirst> queue_;
    std::size_t added_ = 0;
    std::size_t completed_ = 0;
};

}  // namespace sched

int main() {
    sched::Scheduler scheduler(std::chrono::milliseconds(5));
    int counter = 0;
    scheduler.add("count", 1, [&counter]() {
        ++counter;
        return counter >= 3;
    });
    scheduler.add("hello", 2, []() {
        std::cout << "hello\n";
        return true;
    });
    std::size_t steps = scheduler.run(100);
    std::cout << "steps=" << steps << " " << scheduler.summary() << "\n";
    return 0;
}
